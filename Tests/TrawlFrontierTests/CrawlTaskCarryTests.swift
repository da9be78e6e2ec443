import Testing
import TrawlCore
import TrawlFrontier

@Suite struct CrawlTaskCarryTests {
    private func task(_ path: String, carrying value: String, depth: Int = 1) -> CrawlTask {
        CrawlTask(url: "http://a/\(path)", hostKey: "a", depth: depth, carried: [Field(name: "tag", value: .string(value))])
    }

    @Test("carried fields are payload: tasks differing only in them are equal and hash alike")
    func identity() {
        #expect(task("x", carrying: "1") == task("x", carrying: "2"))
        #expect(Set([task("x", carrying: "1"), task("x", carrying: "2")]).count == 1)
        #expect(task("x", carrying: "1") != task("x", carrying: "1", depth: 2))
    }

    @Test("the first discovery of a URL keeps its carried fields; a later one is a duplicate")
    func firstDiscoveryWins() {
        var state = FrontierState(limits: FrontierLimits(), policy: .plain)
        #expect(state.add(task("x", carrying: "first")) == .queued)
        #expect(state.add(task("x", carrying: "second")) == .duplicate)
        #expect(state.next()?.carried == [Field(name: "tag", value: .string("first"))])
    }

    @Test("a task retried after a transient failure and one waiting for robots.txt keep their carried fields")
    func keptThroughRetryAndRobots() {
        var state = FrontierState(limits: FrontierLimits(), policy: SchedulerPolicy(obeyRobots: true, adaptive: false))
        state.add(task("x", carrying: "kept"))
        guard let robots = state.next() else {
            Issue.record("no robots.txt task")
            return
        }
        #expect(robots.kind == .robots)
        state.complete(robots, outcome: .robots("User-agent: *\nAllow: /\n"), now: .zero)
        guard let page = state.next() else {
            Issue.record("no page task")
            return
        }
        #expect(page.carried == [Field(name: "tag", value: .string("kept"))])
        state.complete(page, outcome: .unavailable(), now: .zero)
        let retried = state.next(at: .seconds(3600))
        #expect(retried?.url == "http://a/x")
        #expect(retried?.carried == [Field(name: "tag", value: .string("kept"))])
    }
}
