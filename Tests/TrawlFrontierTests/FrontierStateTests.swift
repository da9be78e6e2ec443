import Testing
import TrawlFrontier

@Suite struct FrontierStateTests {
    private func task(_ path: String, host: String = "a", depth: Int = 0) -> CrawlTask {
        CrawlTask(url: "http://\(host)/\(path)", hostKey: host, depth: depth)
    }

    @Test("a URL is queued once however often it is offered")
    func deduplicates() {
        var state = FrontierState(limits: FrontierLimits(), policy: .plain)
        let r1 = state.add(task("x"))
        #expect(r1 == .queued)
        let r2 = state.add(task("x"))
        #expect(r2 == .duplicate)
        #expect(state.queuedCount == 1)
        let r3 = state.next()
        #expect(r3 == task("x"))
        state.finish(task("x"))
        let r4 = state.add(task("x"))
        #expect(r4 == .duplicate)
        #expect(state.isFinished)
    }

    @Test("no host gets more than the per-host limit in flight")
    func perHostLimit() {
        var state = FrontierState(limits: FrontierLimits(concurrency: 100, perHost: 2), policy: .plain)
        for i in 0..<5 { state.add(task("p\(i)", host: "a")) }
        let r5 = state.next()
        #expect(r5?.url == "http://a/p0")
        let r6 = state.next()
        #expect(r6?.url == "http://a/p1")
        let r7 = state.next()
        #expect(r7 == nil)
        state.finish(task("p0"))
        let r8 = state.next()
        #expect(r8?.url == "http://a/p2")
        let r9 = state.next()
        #expect(r9 == nil)
        #expect(state.inFlightCount == 2)
    }

    @Test("the global limit caps tasks in flight over all hosts")
    func globalLimit() {
        var state = FrontierState(limits: FrontierLimits(concurrency: 3, perHost: 10), policy: .plain)
        for host in ["a", "b", "c", "d"] { state.add(task("x", host: host)) }
        let handed = (0..<4).compactMap { _ in state.next() }
        #expect(handed.count == 3)
        state.finish(handed[0])
        let r10 = state.next()
        #expect(r10?.hostKey == "d")
    }

    @Test("hosts are served round-robin, each in discovery order")
    func roundRobin() {
        var state = FrontierState(limits: FrontierLimits(concurrency: 100, perHost: 100), policy: .plain)
        for i in 0..<3 {
            state.add(task("a\(i)", host: "a"))
            state.add(task("b\(i)", host: "b"))
        }
        state.add(task("c0", host: "c"))
        var order: [String] = []
        while let next = state.next() { order.append(String(next.url.dropFirst(9))) }
        #expect(order == ["a0", "b0", "c0", "a1", "b1", "a2", "b2"])
    }

    @Test("links deeper than the depth limit are not queued")
    func depthLimit() {
        var state = FrontierState(limits: FrontierLimits(maxDepth: 1), policy: .plain)
        let r11 = state.add(task("d1", depth: 1))
        #expect(r11 == .queued)
        let r12 = state.add(task("d2", depth: 2))
        #expect(r12 == .tooDeep)
        #expect(!state.isKnown("http://a/d2"))
    }

    @Test("no more than max-pages tasks are handed out, and the crawl then finishes")
    func pageLimit() {
        var state = FrontierState(limits: FrontierLimits(maxPages: 2), policy: .plain)
        for i in 0..<5 { state.add(task("p\(i)", host: "h\(i)")) }
        let first = state.next(), second = state.next()
        #expect(first != nil && second != nil)
        let r13 = state.next()
        #expect(r13 == nil)
        #expect(!state.isFinished)
        if let first, let second {
            state.finish(first)
            state.finish(second)
        }
        #expect(state.isFinished)
        #expect(state.dispatchedCount == 2)
    }

    @Test("a claimed redirect target is never queued again")
    func claim() {
        var state = FrontierState(limits: FrontierLimits(), policy: .plain)
        let r14 = state.claim("http://a/target")
        #expect(r14)
        let r15 = state.claim("http://a/target")
        #expect(!r15)
        let r16 = state.add(task("target"))
        #expect(r16 == .duplicate)
        state.add(task("other"))
        let r17 = state.claim("http://a/other")
        #expect(!r17)
    }

    @Test("finished only when nothing is queued or in flight")
    func finished() {
        var state = FrontierState(limits: FrontierLimits(), policy: .plain)
        #expect(state.isFinished)
        state.add(task("x"))
        #expect(!state.isFinished)
        guard let running = state.next() else { Issue.record("no task"); return }
        #expect(!state.isFinished)
        state.finish(running)
        #expect(state.isFinished)
        #expect(state.completedCount == 1)
    }
}
