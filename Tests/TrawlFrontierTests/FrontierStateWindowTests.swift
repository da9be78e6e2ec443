import Testing
import TrawlCore
import TrawlFrontier

/// Queue windows: a host keeps a bounded number of queued pages in memory, the rest wait in the
/// store and are read back in queue order.
@Suite struct FrontierStateWindowTests {
    private static func page(_ index: Int, host: String = "a") -> CrawlTask {
        CrawlTask(url: "http://\(host)/p\(index)", hostKey: host, depth: 1, position: Int64(index + 1))
    }

    @Test("past the window, pages are counted as queued but kept out of memory, and read back in order")
    func spillAndRefill() {
        var state = FrontierState(limits: FrontierLimits(perHost: 2, queueWindow: 4), policy: .plain)
        for i in 0..<10 { #expect(state.add(Self.page(i)) == .queued) }
        #expect(state.queuedCount == 10)
        let first = state.drain(at: .zero)
        #expect(first.map(\.url) == ["http://a/p0", "http://a/p1"])
        let refills = state.takeRefills()
        #expect(refills.map { "\($0.host) \($0.after) \($0.limit)" } == ["a 4 2"])
        #expect(state.takeRefills().isEmpty, "one read at a time per host")
        state.refilled("a", tasks: [Self.page(4), Self.page(5)], now: .zero)
        for task in first { state.finish(task) }
        var order: [String] = []
        while let task = state.next() {
            order.append(task.url)
            state.finish(task)
            for refill in state.takeRefills() {
                let next = (Int(refill.after)..<min(10, Int(refill.after) + refill.limit)).map { Self.page($0) }
                state.refilled(refill.host, tasks: next, now: .zero)
            }
        }
        #expect(order == (2..<10).map { "http://a/p\($0)" })
        #expect(state.isFinished)
    }

    @Test("an empty read-back drops the count, so the crawl can finish")
    func emptyRefill() {
        var state = FrontierState(limits: FrontierLimits(perHost: 8, queueWindow: 2), policy: .plain)
        for i in 0..<5 { state.add(Self.page(i)) }
        let tasks = state.drain(at: .zero)
        #expect(tasks.count == 2)
        for task in tasks { state.finish(task) }
        let refills = state.takeRefills()
        #expect(refills.count == 1)
        state.refilled("a", tasks: [], now: .zero)
        #expect(state.queuedCount == 0)
        #expect(state.isFinished)
    }

    @Test("other hosts are not held back by one host's spilled queue")
    func otherHosts() {
        var state = FrontierState(limits: FrontierLimits(perHost: 1, queueWindow: 2), policy: .plain)
        for i in 0..<6 { state.add(Self.page(i, host: "a")) }
        state.add(Self.page(100, host: "b"))
        let tasks = state.drain(at: .zero)
        #expect(Set(tasks.map(\.hostKey)) == ["a", "b"])
    }

    @Test("a page positioned before the spilled ones (it waited for robots.txt) stays in memory")
    func latePositionStaysInMemory() {
        var state = FrontierState(limits: FrontierLimits(perHost: 8, queueWindow: 2), policy: .plain)
        for i in 5..<9 { state.add(Self.page(i)) }
        state.add(Self.page(1))
        let tasks = state.drain(at: .zero)
        #expect(tasks.map(\.url) == ["http://a/p5", "http://a/p6", "http://a/p1"])
    }

    @Test("without a window every queued page stays in memory")
    func noWindow() {
        var state = FrontierState(limits: FrontierLimits(perHost: 100), policy: .plain)
        for i in 0..<50 { state.add(Self.page(i)) }
        #expect(state.drain(at: .zero).count == 50)
        #expect(state.takeRefills().isEmpty)
    }
}
