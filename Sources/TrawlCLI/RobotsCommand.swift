import ArgumentParser
import Foundation
import Trawl
import TrawlCore
import TrawlFetch
import TrawlFrontier
import TrawlRobots
import TrawlStore
import TrawlURL

/// `trawl robots`: may Trawl fetch these URLs, and which robots.txt line decides?
struct RobotsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robots",
        abstract: "Say whether robots.txt lets Trawl fetch each URL, and which rule decides.",
        discussion: """
            Use it to find out why a page was not crawled. Each URL's robots.txt is fetched \
            through the cache exactly as a crawl fetches it (a copy under a day old is reused, up \
            to 5 redirects are followed), once per origin; --robots-file checks a local file \
            instead, without the network.
            One line per URL on stdout: allowed or disallowed, a tab, the URL, and, when something \
            decided it, a tab and the reason: the rule with its line number (line 4: Disallow: \
            /private/), robots.txt: 404, everything allowed, or robots.txt unavailable: http-503 \
            (a crawl does not fetch the origin's pages while its robots.txt answers 429, 5xx or \
            cannot be reached).
            Exit status: 0 when every URL is allowed, 1 when any is disallowed, 2 for bad input.
            """
    )

    @Argument(help: ArgumentHelp("The URLs to check (http or https).", valueName: "url"))
    var urls: [String] = []

    @Option(name: .customLong("robots-file"), help: ArgumentHelp("Check against this robots.txt file instead of each URL's own (no network).", valueName: "file"))
    var robotsFile: String?

    @Option(help: ArgumentHelp("The product token matched against User-agent lines (default: the first word of --user-agent).", valueName: "token"))
    var agent: String?

    @Option(help: ArgumentHelp("The cache database, as for crawl (a folder gets trawl.sqlite inside).", valueName: "path"))
    var cache = "cache/trawl.sqlite"

    @Option(name: .customLong("user-agent"), help: ArgumentHelp("The User-Agent header robots.txt is fetched with.", valueName: "text"))
    var userAgent = TrawlVersion.defaultUserAgent

    func validate() throws {
        guard !urls.isEmpty else { throw ValidationError("no URL given") }
        guard !userAgent.contains(where: \.isNewline) else {
            throw ValidationError("--user-agent must be one line")
        }
    }

    func run() async throws {
        // Everything the user typed is checked before the cache or the network is touched.
        let targets = try urls.map { argument throws(ValidationError) in try Self.target(for: argument) }
        let token = try productToken()
        let answers: [RobotsAnswer]
        if let robotsFile {
            guard let data = FileManager.default.contents(atPath: robotsFile) else {
                throw ValidationError("cannot read --robots-file '\(robotsFile)'")
            }
            let parsed = RobotsTxt(parsing: [UInt8](data))
            let outcome = RobotsFetchResult.Outcome.rules(parsed.rules(for: token), sitemaps: parsed.sitemaps)
            answers = targets.map { RobotsAnswer(argument: $0.argument, task: $0.task, outcome: outcome) }
        } else {
            answers = try await fetchedAnswers(for: targets, agent: token)
        }
        for answer in answers { print(answer.line) }
        if answers.contains(where: { !$0.isAllowed }) { throw ExitCode(1) }
    }

    /// The argument as typed, and the crawl task the crawler would make of it.
    private static func target(for argument: String) throws(ValidationError) -> (argument: String, task: CrawlTask) {
        let url: WebURL
        do { url = try WebURL(argument) } catch {
            throw ValidationError("invalid URL '\(argument)': \(error.reason)")
        }
        guard url.isHTTP else {
            throw ValidationError("invalid URL '\(argument)': only http and https are crawled")
        }
        return (argument, CrawlTask(url: url.canonicalString, hostKey: url.hostKey, depth: 0))
    }

    /// `--agent`, or the product token of `--user-agent`; one word, as a crawl requires.
    private func productToken() throws(ValidationError) -> String {
        let token = (agent ?? RobotsAgent.productToken(fromUserAgent: userAgent)).trimmingWhitespace()
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            if let agent { throw ValidationError("invalid --agent '\(agent)': expected one word such as Trawl") }
            throw ValidationError("--user-agent '\(userAgent)' has no product token; give --agent")
        }
        return token
    }

    /// Fetches each origin's robots.txt once, through the cache, and answers every target.
    private func fetchedAnswers(
        for targets: [(argument: String, task: CrawlTask)], agent: String
    ) async throws -> [RobotsAnswer] {
        let logger = CommandLogging.bootstrap(verbose: false)
        let store: SQLiteCrawlStore
        do { store = try SQLiteCrawlStore(path: CrawlCommand.databasePath(for: cache), logger: logger) } catch {
            throw ValidationError(error.description)
        }
        var configuration = FetchConfiguration()
        configuration.userAgent = userAgent
        let fetcher: CurlFetcher
        do { fetcher = try CurlFetcher(configuration: configuration, logger: logger) } catch {
            try? await store.close()
            throw CrawlFailure(message: "\(error)")
        }
        defer { fetcher.shutdown() }
        let robots = RobotsFetcher(fetcher: fetcher, store: store, agent: agent, logger: logger)
        var outcomes: [String: RobotsFetchResult.Outcome] = [:]
        var answers: [RobotsAnswer] = []
        do {
            for target in targets {
                let origin = target.task.origin
                let outcome: RobotsFetchResult.Outcome
                if let known = outcomes[origin] {
                    outcome = known
                } else {
                    outcome = try await robots.fetch(origin: origin).outcome
                    outcomes[origin] = outcome
                }
                answers.append(RobotsAnswer(argument: target.argument, task: target.task, outcome: outcome))
            }
            try await store.close()
        } catch {
            try? await store.close()
            throw CrawlFailure(message: "the cache failed: \(error)")
        }
        return answers
    }
}
