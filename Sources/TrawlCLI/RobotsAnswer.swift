import Trawl
import TrawlCore
import TrawlFrontier
import TrawlRobots

/// One line of `trawl robots` output: the verdict on a URL and what decided it.
struct RobotsAnswer {
    let isAllowed: Bool
    let argument: String
    /// The deciding rule (`line 4: Disallow: /private/`) or why robots.txt did not apply; nil
    /// when no rule matched.
    let reason: String?

    /// The verdict of `outcome` (the URL's origin's robots.txt) on `task`, the URL as crawled.
    init(argument: String, task: CrawlTask, outcome: RobotsFetchResult.Outcome) {
        self.argument = argument
        switch outcome {
        case .rules(let rules, _):
            let verdict = rules.evaluate(task.pathAndQuery)
            isAllowed = verdict.isAllowed
            reason = verdict.rule?.description
        case .allowAll(let why):
            isAllowed = true
            reason = "robots.txt: \(why), everything allowed"
        case .unavailable(let failure, _):
            // The frontier fails every page of such an origin once its retries are spent.
            isAllowed = false
            let cause = failure.code == .httpStatus ? failure.label : failure.description
            reason = "robots.txt unavailable: \(cause)"
        }
    }

    /// `allowed<TAB>url[<TAB>reason]`, with any line break or tab in the reason made a space so
    /// that each URL stays one line of three columns.
    var line: String {
        var columns = [isAllowed ? "allowed" : "disallowed", argument]
        if let reason {
            columns.append(String(reason.map { $0 == "\t" || $0.isNewline ? " " : $0 }))
        }
        return columns.joined(separator: "\t")
    }
}
