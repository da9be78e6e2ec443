import Testing
import TrawlFrontier

@Suite struct FrontierTests {
    @Test("workers drain a growing crawl and all see nil at the end", .timeLimit(.minutes(1)))
    func workersDrainCrawl() async {
        let frontier = Frontier(limits: FrontierLimits(concurrency: 8, perHost: 2), policy: .plain)
        await frontier.add([CrawlTask(url: "http://a/0", hostKey: "a", depth: 0)])
        // Each page n < 200 links to 2n+1 and 2n+2 on one of three hosts.
        let processed = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var count = 0
                    while let task = await frontier.next() {
                        count += 1
                        let n = Int(task.url.split(separator: "/").last ?? "") ?? 0
                        let links = [2 * n + 1, 2 * n + 2].filter { $0 < 200 }.map { m in
                            CrawlTask(url: "http://h\(m % 3)/\(m)", hostKey: "h\(m % 3)", depth: task.depth + 1)
                        }
                        await Task.yield()
                        await frontier.complete(task, outcome: .finished(nil), discovered: links)
                    }
                    return count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(processed == 200)
        let snapshot = await frontier.snapshot
        #expect(snapshot.completed == 200 && snapshot.inFlight == 0 && snapshot.queued == 0)
    }

    @Test("stop wakes waiting workers with nil", .timeLimit(.minutes(1)))
    func stopWakesWaiters() async {
        let frontier = Frontier(limits: FrontierLimits(concurrency: 1, perHost: 1), policy: .plain)
        await frontier.add([
            CrawlTask(url: "http://a/1", hostKey: "a", depth: 0),
            CrawlTask(url: "http://a/2", hostKey: "a", depth: 0),
        ])
        let first = await frontier.next()
        #expect(first != nil)
        async let waiting = frontier.next()
        await frontier.stop()
        #expect(await waiting == nil)
    }
}
