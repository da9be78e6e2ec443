import Foundation
import Testing
import Trawl
import TrawlCore
import TrawlFrontier
import TrawlTestSupport

/// Per-host delays and fairness, measured from the server's request log.
@Suite(.timeLimit(.minutes(2)))
struct CrawlerDelayTests {
    /// Seconds between each request time and the next.
    private static func gaps(_ requests: [LoggedRequest]) -> [Double] {
        zip(requests, requests.dropFirst()).map { $1.time.timeIntervalSince($0.time) }
    }

    @Test("--delay spaces the starts of consecutive requests to one host")
    func delaySpacesRequests() async throws {
        try await ExclusiveTestGate.shared.run { try await delaySpacesRequestsExclusive() }
    }

    private func delaySpacesRequestsExclusive() async throws {
        let host = try PolitenessHost()
        host.routes["/"] = .page("home", links: (0..<5).map { "/p\($0)" })
        let harness = try CrawlHarness()
        defer { harness.removeCache(); host.stop() }
        let (_, items) = try await harness.crawl(
            CrawlConfiguration(
                seeds: [host.url("/")], limits: FrontierLimits(perHost: 4),
                politeness: SchedulerPolicy(delay: 0.8)))
        #expect(items.count == 6)
        let log = host.server.requestLog
        #expect(log.count == 7, "robots.txt, home and five pages")
        for gap in Self.gaps(log) {
            #expect(gap >= 0.8 - CrawlHarness.schedulingNoise, "two requests \(gap) s apart, in \(log.map(\.target))")
        }
        #expect(log.allSatisfy { $0.inFlight == 1 }, "never two at once, whatever --per-host allows")
    }

    @Test("one host's delay does not hold up another host")
    func otherHostNotHeldUp() async throws {
        try await ExclusiveTestGate.shared.run { try await otherHostNotHeldUpExclusive() }
    }

    private func otherHostNotHeldUpExclusive() async throws {
        let slow = try PolitenessHost("127.0.0.1")
        let other = try PolitenessHost("127.0.0.2")
        let harness = try CrawlHarness()
        defer { harness.removeCache(); slow.stop(); other.stop() }
        let (_, items) = try await harness.crawl(
            CrawlConfiguration(
                seeds: slow.pageURLs(4) + other.pageURLs(4), politeness: SchedulerPolicy(delay: 0.8)))
        #expect(items.count == 8)
        let slowLog = slow.server.requestLog, otherLog = other.server.requestLog
        #expect(slowLog.count == 5 && otherLog.count == 5)
        for gap in Self.gaps(slowLog) + Self.gaps(otherLog) {
            #expect(gap >= 0.8 - CrawlHarness.schedulingNoise, "two requests to one host \(gap) s apart")
        }
        // Both hosts run side by side: each starts before the other's second request.
        if slowLog.count > 1, let otherFirst = otherLog.first {
            #expect(otherFirst.time < slowLog[1].time)
        }
        if otherLog.count > 1, let slowFirst = slowLog.first {
            #expect(slowFirst.time < otherLog[1].time)
        }
    }

    @Test("four small hosts finish long before one big host that has a thousand pages")
    func smallHostsFinishEarly() async throws {
        try await ExclusiveTestGate.shared.run { try await smallHostsFinishEarlyExclusive() }
    }

    private func smallHostsFinishEarlyExclusive() async throws {
        let big = try PolitenessHost("127.0.0.1")
        let small = try (2...5).map { try PolitenessHost("127.0.0.\($0)") }
        let harness = try CrawlHarness()
        defer {
            harness.removeCache()
            big.stop()
            for host in small { host.stop() }
        }
        let seeds = big.pageURLs(1_000) + small.flatMap { $0.pageURLs(10) }
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(seeds: seeds, politeness: SchedulerPolicy(delay: 0.02)))
        #expect(items.count == 1_040)
        #expect(summary.statistics.failed == 0)
        let bigLog = big.server.requestLog
        guard let bigFirst = bigLog.first?.time, let bigLast = bigLog.last?.time else {
            Issue.record("the big host saw no request")
            return
        }
        let halfway = bigFirst.addingTimeInterval(bigLast.timeIntervalSince(bigFirst) / 2)
        for host in small {
            let last = host.server.requestLog.last?.time ?? .distantFuture
            #expect(host.server.requestCount == 11)
            #expect(last < halfway, "\(host.server.host) finished \(last.timeIntervalSince(bigFirst)) s in, the big host at \(bigLast.timeIntervalSince(bigFirst)) s")
        }
    }
}
