import Foundation
import Testing
import TrawlTestSupport

@Suite(.timeLimit(.minutes(2)))
struct InterruptTests {
    @Test("Ctrl-C stops the crawl with a summary and exit 130; the same command then fetches only what is missing")
    func interruptThenResume() async throws {
        let pages = 60
        let trigger = InterruptTrigger(after: 10)
        let server = try TestHTTPServer.interruptibleHub(pages: pages, pageDelay: 0.2, trigger: trigger)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let arguments = [
            "crawl", server.url("/"), "--per-host", "2", "-o", folder.path("items.jsonl"),
            "--cache", folder.path("c.sqlite"), "--extract", "title=//h1",
        ]
        let running = try TrawlProcess.start(arguments)
        trigger.arm(running)
        let stopped = await running.result(timeout: 30)
        #expect(stopped.status == 130, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("Crawl stopped"), "\(stopped.stderr)")
        let firstRequests = Set(server.requestLog.map(\.target))
        let firstItems = jsonLines(folder.read("items.jsonl")).count
        #expect(firstRequests.count < pages + 1, "the crawl should have been cut short")
        #expect(firstItems >= 1)

        let resumed = try await TrawlProcess.run(arguments)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let all = server.requestLog.map(\.target).filter { $0 != "/robots.txt" }
        #expect(all.count == pages + 1, "every page requested exactly once over both runs")
        #expect(server.requestCount(for: "/robots.txt") == 1, "robots.txt cached by the first run")
        #expect(Set(all).count == all.count)
        #expect(jsonLines(folder.read("items.jsonl")).count == pages + 1)
    }
}
