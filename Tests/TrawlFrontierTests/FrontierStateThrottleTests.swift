import Testing
import TrawlFrontier

/// The adaptive throttle as the scheduler applies it, driven with a fake time.
@Suite struct FrontierStateThrottleTests {
    private static func policy(adaptive: Bool) -> SchedulerPolicy {
        SchedulerPolicy(obeyRobots: false, adaptive: adaptive, retry: RetryPolicy(maxRetries: 5))
    }

    /// Hosts a and b with `count` pages each, 4 per host in flight; every page of `a` in flight
    /// at 0 answers 429 with `Retry-After: 1` at 0.1 (the first `pushbacks` of them), the rest
    /// finish at 0.2.
    private static func pushedBack(adaptive: Bool, pushbacks: Int, count: Int = 10) -> FrontierState {
        var state = FrontierState(limits: FrontierLimits(perHost: 4), policy: policy(adaptive: adaptive))
        for host in ["a", "b"] {
            for i in 0..<count { state.add(.page("p\(i)", host: host)) }
        }
        let first = state.drain(at: .zero)
        let a = first.filter { $0.hostKey == "a" }
        #expect(a.count == 4 && first.count == 8)
        for (i, task) in a.enumerated() {
            if i < pushbacks {
                state.complete(task, outcome: .unavailable(retryAfter: 1, signal: .pushback), now: .s(0.1))
            } else {
                state.finish(task, at: .s(0.2))
            }
        }
        return state
    }

    @Test("a 429 halves the host's concurrency and adds delay, while another host keeps its pace")
    func pushbackSlowsHost() {
        var state = Self.pushedBack(adaptive: true, pushbacks: 1)
        for task in state.drain(at: .s(0.2)) where task.hostKey == "a" {
            Issue.record("host a went during its backoff: \(task.url)")
        }
        let slowed = state.slowedHosts
        #expect(slowed.map(\.host) == ["a"])
        #expect(slowed.first?.concurrency == 2)
        #expect(slowed.first?.delay == 0.25)
        let retry = state.drain(at: .s(1.1))
        #expect(retry == [.page("p0", host: "a")], "one request, then the extra delay")
        let wait = state.waitDeadline(at: .s(1.1))
        #expect(wait == .s(1.35))
        let second = state.drain(at: .s(1.35))
        #expect(second == [.page("p4", host: "a")])
        let full = state.nextTask(now: .s(5))
        #expect(full == .none, "two in flight is the host's limit now")
    }

    @Test("with adaptive throttling off, a 429 only backs off the one retry")
    func adaptiveOff() {
        var state = Self.pushedBack(adaptive: false, pushbacks: 1)
        #expect(state.slowedHosts.isEmpty)
        let batch = state.drain(at: .s(1.1)).filter { $0.hostKey == "a" }
        #expect(batch.count == 4, "the full per-host limit at once, no extra delay")
    }

    @Test("429s from a burst of requests already in flight slow the host once")
    func oneDecreasePerBurst() {
        let state = Self.pushedBack(adaptive: true, pushbacks: 4)
        #expect(state.retryCount == 4)
        let slowed = state.slowedHosts
        #expect(slowed.first?.concurrency == 2, "4 → 2, not 4 → 2 → 1 → 1")
        #expect(slowed.first?.delay == 0.25)
    }

    @Test("healthy responses bring a slowed host back to its per-host limit and no extra delay")
    func recovers() {
        var state = Self.pushedBack(adaptive: true, pushbacks: 4)
        var now = Duration.s(1.1)
        var batches: [Int] = []
        for _ in 0..<100 where !state.isFinished {
            let batch = state.drain(at: now).filter { $0.hostKey == "a" }
            let after = state.nextTask(now: now)
            if !batch.isEmpty { batches.append(batch.count) }
            for task in batch { state.complete(task, outcome: .finished(.response(elapsed: 0.01)), now: now) }
            if case .wait(let until) = after { now = until }
            if state.queuedCount == 6 { break }  // only host b's pages are left
        }
        #expect(batches == [1, 1, 3, 4, 1])
        let host = state.slowedHosts.first
        #expect(host?.concurrency == 4)
        #expect(host?.delay == 0)
    }

    @Test("a robots.txt 429 slows its host like a page's")
    func robotsPushback() {
        let policy = SchedulerPolicy(retry: RetryPolicy(maxRetries: 2))
        var state = FrontierState(limits: FrontierLimits(perHost: 4), policy: policy)
        state.add(.page("p0"))
        guard let robots = state.next(at: .zero) else { Issue.record("no robots task"); return }
        state.complete(robots, outcome: .unavailable(retryAfter: 0, signal: .pushback), now: .zero)
        #expect(state.slowedHosts.first?.concurrency == 2)
    }
}
