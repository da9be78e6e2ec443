import Foundation
import Testing
import Trawl
import TrawlCore
import TrawlFrontier
import TrawlTestSupport

/// The adaptive throttle against the real loopback server.
@Suite(.timeLimit(.minutes(2)))
struct CrawlerThrottleTests {
    /// How long the server takes over each page.
    /// Long enough that four requests sent together still arrive within it on two loaded cores.
    private static let pageTime = 0.3

    /// For each request, how many requests (itself included) the client certainly had in flight
    /// when it arrived: those that arrived less than ``pageTime`` before it. A request sent after
    /// another's response arrives later than that, so this never overstates the concurrency (the
    /// server's own gauge can, by a request, when its thread is slow to finish the bookkeeping).
    private static func overlaps(_ log: [LoggedRequest]) -> [Int] {
        log.indices.map { i in
            log[...i].filter { log[i].time.timeIntervalSince($0.time) < pageTime }.count
        }
    }

    @Test("a host that answers 429 for a while sees fewer requests in flight, then as many as before")
    func slowsDownAndRecovers() async throws {
        let page = TestResponse.page("page").delayed(by: Self.pageTime)
        let responses = ResponseSequence(
            Array(repeating: page, count: 16) + Array(repeating: .unavailable(429).delayed(by: Self.pageTime), count: 8),
            then: page)
        let links = (0..<80).map { "/p\($0)" }
        let server = try TestHTTPServer(host: "127.0.0.1") { request in
            switch request.target {
            case "/robots.txt": .notFound
            case "/": .page("home", links: links)
            default: responses.next()
            }
        }
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop() }
        var throttle = ThrottleSettings()
        throttle.delayFloor = 0.05
        throttle.delayCap = 0.2
        let politeness = SchedulerPolicy(retry: RetryPolicy(maxRetries: 10, base: 0.05), throttle: throttle)
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(
                seeds: [server.url("/")], limits: FrontierLimits(concurrency: 16, perHost: 4), politeness: politeness))
        #expect(items.count == 81)
        #expect(summary.statistics.failed == 0)
        #expect(summary.scheduler.retries == 8)
        #expect(summary.scheduler.slowedHosts.map(\.host) == ["127.0.0.1"])
        let pages = server.requestLog.filter { $0.target != "/robots.txt" && $0.target != "/" }
        let inFlight = Self.overlaps(pages)
        #expect(pages.count == 88)
        guard inFlight.count == 88 else { return }
        // Requests 1-16 were answered 200, 17-24 429 (the first four of them already in flight
        // together when the first 429 came back), the rest 200 again.
        let before = inFlight[4..<14].max() ?? 0
        let during = inFlight[21..<24].max() ?? 0
        let after = inFlight.suffix(12).max() ?? 0
        // At least 3 of the 4 allowed: on two loaded cores one of four simultaneous sends can
        // reach the server a little late.
        #expect(before >= 3, "in flight while healthy: \(inFlight[4..<14])")
        #expect(during <= 2, "in flight after the pushback: \(inFlight[21..<24])")
        #expect(after >= 3, "in flight once recovered: \(inFlight.suffix(12))")
    }
}
