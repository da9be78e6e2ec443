import TrawlRobots
import Testing

/// One matching case: the rules of a single `User-agent: FooBot` group, a path, the expected answer.
struct MatchCase: Sendable, CustomTestStringConvertible {
    let rules: String
    let path: String
    let isAllowed: Bool

    init(_ rules: String, _ path: String, _ isAllowed: Bool) {
        self.rules = rules
        self.path = path
        self.isAllowed = isAllowed
    }

    var testDescription: String {
        "\(rules.split(separator: "\n").joined(separator: " | ")) — \(path) → \(isAllowed ? "allow" : "disallow")"
    }

    /// The verdict for `path` under `User-agent: FooBot` followed by `rules`.
    func verdict() -> RobotsVerdict {
        RobotsTxt("User-agent: FooBot\n" + rules + "\n").rules(for: "FooBot").evaluate(path)
    }
}

/// Whether `agent` may fetch `path` under `robots`.
func isAllowed(_ robots: String, agent: String = "FooBot", _ path: String) -> Bool {
    RobotsTxt(robots).rules(for: agent).evaluate(path).isAllowed
}
