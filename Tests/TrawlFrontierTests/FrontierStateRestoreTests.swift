import Testing
import TrawlCore
import TrawlFrontier

/// Resuming: what an earlier run left in the store comes back into the frontier.
@Suite struct FrontierStateRestoreTests {
    @Test("restored known URLs are duplicates, restored queued ones are handed out with their attempts")
    func knownAndQueued() {
        var state = FrontierState(limits: FrontierLimits(perHost: 4), policy: .plain)
        state.restoreKnown(["http://a/done", "http://a/failed"])
        #expect(state.restoreQueued(.page("q0"), attempts: 2) == .queued)
        #expect(state.restoreQueued(.page("q1"), attempts: 0) == .queued)
        #expect(state.add(.page("done")) == .duplicate)
        #expect(state.add(.page("q0")) == .duplicate, "a restored queued URL is known too")
        #expect(state.add(.page("new")) == .queued)
        let tasks = state.drain(at: .zero)
        #expect(tasks.map(\.url) == ["http://a/q0", "http://a/q1", "http://a/new"])
        #expect(tasks.map(\.attempt) == [2, 0, 0])
    }

    @Test("pages finished before count toward --max-pages: only the rest are handed out")
    func pageLimitCountsEarlierRuns() {
        var state = FrontierState(limits: FrontierLimits(perHost: 8, maxPages: 5), policy: .plain)
        state.restoreProgress(finished: 3, perHost: ["a": 3])
        for i in 0..<4 { _ = state.restoreQueued(.page("p\(i)"), attempts: 0) }
        let tasks = state.drain(at: .zero)
        #expect(tasks.count == 2)
        #expect(state.isPageLimitReached)
    }

    @Test("a host's page budget counts the pages it finished before")
    func hostBudgetCountsEarlierRuns() {
        let policy = SchedulerPolicy(obeyRobots: false, adaptive: false, maxPagesPerHost: 4)
        var state = FrontierState(limits: FrontierLimits(perHost: 8), policy: policy)
        state.restoreProgress(finished: 3, perHost: ["a": 3])
        #expect(state.add(.page("x")) == .queued)
        #expect(state.add(.page("y")) == .overHostBudget)
        #expect(state.add(.page("z", host: "b")) == .queued)
    }

    @Test("a restored backoff parks the host until it runs out; the learned throttle is kept")
    func hostStateRestored() {
        var state = FrontierState(limits: FrontierLimits(perHost: 8), policy: SchedulerPolicy(obeyRobots: false))
        state.restoreHost("a", backoffUntil: .s(5), concurrency: 2, extraDelay: 0.5, crawlDelay: 0)
        _ = state.restoreQueued(.page("p0"), attempts: 0)
        #expect(state.waitDeadline(at: .zero) == .s(5))
        let host = state.hostStates(now: .zero).first { $0.key == "a" }
        #expect(host?.concurrency == 2)
        #expect(host?.extraDelay == 0.5)
        #expect(host?.backoffUntil == .s(5))
        #expect(state.next(at: .s(5)) == .page("p0"))
        #expect(state.slowedHosts.map(\.host) == ["a"])
    }

    @Test("a restored page waits for its origin's robots.txt like a new one")
    func restoredPageWaitsForRobots() {
        var state = FrontierState(limits: FrontierLimits(perHost: 4), policy: SchedulerPolicy(adaptive: false))
        #expect(state.restoreQueued(.page("p0"), attempts: 0) == .queued)
        let first = state.next(at: .zero)
        #expect(first?.kind == .robots)
    }
}
