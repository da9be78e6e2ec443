import Foundation
import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlFetch

/// A throughput measurement, run only when `TRAWL_FETCH_BENCH` is set (it loads both cores).
@Suite struct CurlFetcherThroughputTests {
    @Test(
        "many small fetches on loopback complete at a measured rate",
        .enabled(if: ProcessInfo.processInfo.environment["TRAWL_FETCH_BENCH"] != nil),
        .timeLimit(.minutes(1)))
    func throughput() async throws {
        let server = try TestHTTPServer(routes: ["/": .html("<p>small page</p>")])
        let fetcher = try CurlFetcher()
        let count = Int(ProcessInfo.processInfo.environment["TRAWL_FETCH_BENCH"] ?? "") ?? 20_000
        let (ok, seconds) = await timed {
            await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<count {
                    group.addTask { await fetcher.fetch(FetchRequest(url: server.url("/"))).response?.status == 200 }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
        }
        print("throughput: \(count) fetches in \(seconds) s = \(Int(Double(count) / seconds)) req/s, "
            + "\(server.connectionsAccepted) connections, max in flight \(server.maxInFlight)")
        #expect(ok == count)
    }
}
