import Foundation
import Synchronization
import Testing
import Trawl
import TrawlCore
import TrawlFrontier
import TrawlTestSupport

/// 503 and 429 against the real loopback server: Retry-After in both forms, giving up, caching.
@Suite(.timeLimit(.minutes(2)))
struct CrawlerRetryTests {
    /// Short backoffs, so that retry tests take a fraction of a second.
    private static func politeness(retries: Int = 3) -> SchedulerPolicy {
        SchedulerPolicy(retry: RetryPolicy(maxRetries: retries, base: 0.05))
    }

    /// The time a response said to come back at, set by the server's handler.
    private final class RetryDate: Sendable {
        private let date = Mutex<Date?>(nil)

        /// A whole second at least one second ahead, the first time; nil afterwards.
        func claim() -> Date? {
            date.withLock { current in
                guard current == nil else { return nil }
                let until = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down) + 2)
                current = until
                return until
            }
        }

        var value: Date? { date.withLock { $0 } }
    }

    /// Requests another host received between two moments.
    private static func requests(to host: PolitenessHost, between start: Date, and end: Date) -> Int {
        host.server.requestLog.filter { $0.time > start && $0.time < end }.count
    }

    @Test("a 503 with Retry-After in seconds is waited out while another host goes on, then fetched")
    func retryAfterSeconds() async throws {
        let host = try PolitenessHost("127.0.0.1")
        host.script("/flaky", ResponseSequence(.unavailable(retryAfter: "2"), times: 1, then: .page("flaky")))
        let other = try PolitenessHost("127.0.0.2", pageDelay: 0.05)
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop(); other.stop() }
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(
                seeds: [host.url("/flaky")] + other.pageURLs(20), limits: FrontierLimits(perHost: 1),
                politeness: Self.politeness()))
        let flaky = host.pageRequests
        #expect(flaky.count == 2)
        #expect(items.contains { $0.url == host.url("/flaky") })
        #expect(summary.statistics.failed == 0)
        #expect(summary.scheduler.retries == 1)
        if flaky.count == 2 {
            let wait = flaky[1].time.timeIntervalSince(flaky[0].time)
            #expect(wait >= 1.95, "retried after \(wait) s")
            // Twenty 50 ms pages one at a time fill the 2 s wait; any of them proves the other
            // host was not held up (on two loaded cores how many varies).
            let meanwhile = Self.requests(to: other, between: flaky[0].time, and: flaky[1].time)
            #expect(meanwhile >= 1, "the other host had \(meanwhile) requests during the wait")
        }
    }

    @Test("a 429 with Retry-After as an HTTP-date is waited out until that date, then fetched")
    func retryAfterDate() async throws {
        let retryDate = RetryDate()
        let host = try PolitenessHost("127.0.0.1")
        let server = try TestHTTPServer(host: "127.0.0.3") { request in
            switch request.path {
            case "/robots.txt": return .notFound
            case "/limited":
                if let until = retryDate.claim() {
                    return .unavailable(429, retryAfter: TestResponse.httpDate(until))
                }
                return .page("limited")
            default: return .page(request.path)
            }
        }
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop(); server.stop() }
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(
                seeds: [server.url("/limited")] + host.pageURLs(3), politeness: Self.politeness()))
        let limited = server.requestLog.filter { $0.target == "/limited" }
        #expect(limited.count == 2)
        #expect(items.contains { $0.url == server.url("/limited") })
        #expect(summary.statistics.failed == 0)
        if limited.count == 2, let until = retryDate.value {
            #expect(limited[1].time >= until.addingTimeInterval(-0.05), "retried \(until.timeIntervalSince(limited[1].time)) s early")
            #expect(host.pageRequests.contains { $0.time < limited[1].time }, "the other host did not wait")
        }
    }

    @Test("a page whose retries run out is recorded with its status and the attempts made")
    func retriesExhausted() async throws {
        let host = try PolitenessHost()
        host.routes["/down"] = .unavailable()
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop() }
        let (summary, _, failures) = try await harness.crawlRecordingFailures(
            CrawlConfiguration(seeds: [host.url("/down"), host.url("/up")], politeness: Self.politeness(retries: 2)))
        #expect(host.server.requestCount(for: "/down") == 3)
        #expect(summary.statistics.failedByReason == ["http-503": 1])
        #expect(summary.scheduler.retries == 2)
        let failure = failures[host.url("/down")]
        #expect(failure?.code == .httpStatus)
        #expect(failure?.detail == "503 (after 3 attempts)")
        #expect(failures[host.url("/up")] == nil)
    }

    @Test("a Retry-After over the cap fails the page as retry-after-too-long without waiting")
    func retryAfterTooLong() async throws {
        let host = try PolitenessHost()
        host.routes["/later"] = .unavailable(retryAfter: "86400")
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop() }
        var politeness = Self.politeness()
        politeness.retry.maxRetryAfter = 60
        let (summary, _, failures) = try await harness.crawlRecordingFailures(
            CrawlConfiguration(seeds: [host.url("/later")], politeness: politeness))
        #expect(host.server.requestCount(for: "/later") == 1)
        #expect(summary.statistics.failedByReason == ["retry-after-too-long": 1])
        #expect(failures[host.url("/later")]?.code == .retryAfterTooLong)
    }

    @Test("a 503 is not served from the cache: the next run asks the server again")
    func transientNotCached() async throws {
        let host = try PolitenessHost()
        host.routes["/flaky"] = .unavailable()
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop() }
        let configuration = CrawlConfiguration(seeds: [host.url("/flaky")], politeness: Self.politeness(retries: 0))
        let (first, firstItems) = try await harness.crawl(configuration)
        #expect(first.statistics.failedByReason == ["http-503": 1])
        #expect(firstItems.isEmpty)
        host.routes["/flaky"] = nil
        host.server.resetLog()
        let (second, items) = try await harness.crawl(configuration)
        #expect(host.server.requestCount(for: "/flaky") == 1)
        #expect(second.statistics.failed == 0)
        #expect(items.map(\.url) == [host.url("/flaky")])
    }
}
