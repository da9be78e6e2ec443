import Foundation
import Testing
import Trawl
import TrawlCore
import TrawlFrontier
import TrawlTestSupport

/// robots.txt against the real loopback server: fetched first, obeyed, retried, cached.
@Suite(.timeLimit(.minutes(2)))
struct CrawlerRobotsTests {
    /// Short backoffs, so that retry tests take a fraction of a second.
    private static func politeness(retries: Int = 3) -> SchedulerPolicy {
        SchedulerPolicy(retry: RetryPolicy(maxRetries: retries, base: 0.05))
    }

    /// A host whose home page links to each of `targets`.
    private static func hub(linking targets: [String]) throws -> PolitenessHost {
        let host = try PolitenessHost()
        host.routes["/"] = .page("home", links: targets)
        return host
    }

    @Test("a robots.txt 404 allows every page, and robots.txt is the first request")
    func notFoundAllowsAll() async throws {
        let host = try Self.hub(linking: ["/a", "/b", "/c"])
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop() }
        let (summary, items) = try await harness.crawl(CrawlConfiguration(seeds: [host.url("/")]))
        #expect(items.count == 4)
        #expect(summary.statistics.blockedByRobots == 0)
        #expect(host.server.requestLog.first?.target == "/robots.txt")
        #expect(host.robotsRequests.count == 1)
        #expect(Set(host.pageRequests.map(\.target)) == ["/", "/a", "/b", "/c"])
    }

    @Test("pages robots.txt disallows are never requested, and are recorded with the rule and counted")
    func disallowedPages() async throws {
        let host = try Self.hub(linking: ["/private/1", "/private/2", "/public"])
        host.routes["/robots.txt"] = .robots("User-agent: *\nDisallow: /private/\n")
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop() }
        let (summary, items, failures) = try await harness.crawlRecordingFailures(
            CrawlConfiguration(seeds: [host.url("/")]))
        #expect(Set(host.pageRequests.map(\.target)) == ["/", "/public"])
        #expect(summary.statistics.blockedByRobots == 2)
        #expect(summary.statistics.failed == 0, "blocked pages are not failures")
        #expect(items.count == 2)
        let blocked = failures[host.url("/private/1")]
        #expect(blocked?.code == .blockedByRobots)
        #expect(blocked?.detail == "line 2: Disallow: /private/")
        #expect(failures[host.url("/private/2")]?.code == .blockedByRobots)
    }

    @Test("while robots.txt answers 503, no page is fetched; once it recovers the crawl completes")
    func robotsRecovers() async throws {
        let host = try Self.hub(linking: ["/a", "/b"])
        host.script("/robots.txt", ResponseSequence(.unavailable(), times: 2, then: .robots("User-agent: *\nAllow: /\n")))
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop() }
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(seeds: [host.url("/")], politeness: Self.politeness()))
        let log = host.server.requestLog
        #expect(log.prefix(3).map(\.target) == ["/robots.txt", "/robots.txt", "/robots.txt"])
        #expect(host.robotsRequests.count == 3)
        #expect(items.count == 3)
        #expect(summary.statistics.failed == 0)
        #expect(summary.scheduler.retries == 2)
    }

    @Test("when robots.txt keeps answering 503, the origin's pages fail as robots-unavailable, never requested")
    func robotsUnavailable() async throws {
        let host = try PolitenessHost()
        host.routes["/robots.txt"] = .unavailable()
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop() }
        let seeds = host.pageURLs(3)
        let (summary, items, failures) = try await harness.crawlRecordingFailures(
            CrawlConfiguration(seeds: seeds, politeness: Self.politeness(retries: 2)))
        #expect(host.robotsRequests.count == 3, "the first try and two retries")
        #expect(host.pageRequests.isEmpty)
        #expect(items.isEmpty)
        #expect(summary.statistics.failedByReason == ["robots-unavailable": 3])
        for seed in seeds {
            #expect(failures[seed]?.code == .robotsUnavailable, "\(seed)")
        }
    }

    @Test("a robots.txt that redirects to another host's robots.txt is obeyed")
    func robotsRedirect() async throws {
        let other = try PolitenessHost("127.0.0.2")
        other.routes["/robots.txt"] = .robots("User-agent: *\nDisallow: /secret\n")
        let host = try Self.hub(linking: ["/secret", "/open"])
        host.routes["/robots.txt"] = .redirect(to: other.url("/robots.txt"), status: 301)
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop(); other.stop() }
        let (summary, _) = try await harness.crawl(CrawlConfiguration(seeds: [host.url("/")]))
        #expect(other.robotsRequests.count == 1)
        #expect(other.pageRequests.isEmpty)
        #expect(Set(host.pageRequests.map(\.target)) == ["/", "/open"])
        #expect(summary.statistics.blockedByRobots == 1)
    }

    @Test("only the first 500 KiB of a 600 KiB robots.txt are obeyed")
    func largeRobotsTxt() async throws {
        let padding = String(repeating: "# " + String(repeating: "x", count: 97) + "\n", count: 6_200)
        let text = "User-agent: *\nDisallow: /early\n" + padding + "Disallow: /late\n"
        #expect(text.utf8.count > 600 * 1024)
        let host = try Self.hub(linking: ["/early", "/late"])
        host.routes["/robots.txt"] = .robots(text)
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop() }
        let (summary, _) = try await harness.crawl(CrawlConfiguration(seeds: [host.url("/")]))
        #expect(Set(host.pageRequests.map(\.target)) == ["/", "/late"])
        #expect(summary.statistics.blockedByRobots == 1)
    }

    @Test("robots.txt is fetched once per host, and not at all by a second crawl with the same cache")
    func robotsOncePerHost() async throws {
        let host = try Self.hub(linking: (0..<12).map { "/p\($0)" })
        host.routes["/robots.txt"] = .robots("User-agent: *\nDisallow: /nothing\n")
        let other = try PolitenessHost("127.0.0.2")
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop(); other.stop() }
        let configuration = CrawlConfiguration(
            seeds: [host.url("/")] + other.pageURLs(4), limits: FrontierLimits(concurrency: 16, perHost: 4))
        let (first, _) = try await harness.crawl(configuration)
        #expect(host.robotsRequests.count == 1)
        #expect(other.robotsRequests.count == 1)
        #expect(first.statistics.robotsParsed == 1, "a 404 is not parsed")
        host.server.resetLog()
        other.server.resetLog()
        let (second, items) = try await harness.crawl(configuration)
        #expect(host.server.requestCount == 0)
        #expect(other.server.requestCount == 0)
        #expect(items.count == 13 + 4)
        #expect(second.statistics.fetched == 0)
    }

    @Test("Crawl-delay spaces every request to the host, robots.txt included")
    func crawlDelay() async throws {
        let host = try Self.hub(linking: ["/a", "/b", "/c"])
        host.routes["/robots.txt"] = .robots("User-agent: *\nCrawl-delay: 0.8\n")
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop() }
        let (_, items) = try await harness.crawl(CrawlConfiguration(seeds: [host.url("/")]))
        #expect(items.count == 4)
        let log = host.server.requestLog
        #expect(log.count == 5)
        for (earlier, later) in zip(log, log.dropFirst()) {
            let gap = later.time.timeIntervalSince(earlier.time)
            #expect(gap >= 0.8 - CrawlHarness.schedulingNoise, "\(earlier.target) and \(later.target) \(gap) s apart")
        }
    }
}
