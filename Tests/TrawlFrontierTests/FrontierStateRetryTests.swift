import Testing
import TrawlCore
import TrawlFrontier

/// Retries, backoff, Retry-After and the page limit, driven with a fake time.
@Suite struct FrontierStateRetryTests {
    /// No robots.txt, no adaptive throttle, `retries` retries with a `base` second backoff.
    private static func retrying(_ retries: Int = 3, base: Double = 1, delay: Double = 0) -> SchedulerPolicy {
        SchedulerPolicy(
            delay: delay, obeyRobots: false, adaptive: false, retry: RetryPolicy(maxRetries: retries, base: base))
    }

    @Test("a transient failure puts the page back at the front of its host's queue with attempt + 1")
    func retryGoesFirst() {
        var state = FrontierState(limits: FrontierLimits(perHost: 1), policy: Self.retrying())
        for i in 0..<3 { state.add(.page("p\(i)")) }
        guard let first = state.next(at: .zero) else { Issue.record("no task"); return }
        let records = state.complete(first, outcome: .unavailable(retryAfter: 2), now: .zero)
        #expect(records.isEmpty)
        #expect(state.retryCount == 1)
        #expect(state.queuedCount == 3, "the retry is queued again")
        let again = state.next(at: .s(2))
        #expect(again == .page("p0"))
        #expect(again?.attempt == 1)
        if let again { state.finish(again, at: .s(2)) }
        let next = state.next(at: .s(2))
        #expect(next == .page("p1"))
        #expect(next?.attempt == 0)
    }

    @Test("a backoff parks the whole host while other hosts go on")
    func backoffParksHost() {
        var state = FrontierState(limits: FrontierLimits(perHost: 4), policy: Self.retrying())
        for host in ["a", "b"] {
            for i in 0..<3 { state.add(.page("p\(i)", host: host)) }
        }
        let all = state.drain(at: .zero)
        #expect(all.count == 6)
        guard let a0 = all.first(where: { $0 == .page("p0", host: "a") }) else { Issue.record("no a/p0"); return }
        state.complete(a0, outcome: .unavailable(retryAfter: 5), now: .s(1))
        state.add(.page("p3", host: "a"), now: .s(1))
        state.add(.page("p3", host: "b"), now: .s(1))
        let meanwhile = state.drain(at: .s(1))
        #expect(meanwhile == [.page("p3", host: "b")], "host a waits although it has free slots")
        let wait = state.waitDeadline(at: .s(1))
        #expect(wait == .s(6))
        let later = state.drain(at: .s(6))
        #expect(later == [.page("p0", host: "a"), .page("p3", host: "a")])
    }

    @Test("giving up after max retries records the failure with the attempts made")
    func givesUp() {
        var state = FrontierState(limits: FrontierLimits(), policy: Self.retrying(2))
        state.add(.page("p0"))
        var now = Duration.zero
        var records: [FrontierRecord] = []
        for _ in 0..<3 {
            guard let task = state.next(at: now) else { Issue.record("no task at \(now)"); return }
            records = state.complete(task, outcome: .unavailable(retryAfter: 1), now: now)
            now += .s(1)
        }
        #expect(records.count == 1)
        #expect(records.first?.task == .page("p0"))
        #expect(records.first?.attempts == 3)
        #expect(records.first?.reason == FailureReason(.httpStatus, "503"))
        #expect(state.retryCount == 2)
        #expect(state.completedCount == 1)
        #expect(state.isFinished)
    }

    @Test("with no retries, a transient failure is recorded at once")
    func noRetries() {
        var state = FrontierState(limits: FrontierLimits(), policy: Self.retrying(0))
        state.add(.page("p0"))
        guard let task = state.next(at: .zero) else { Issue.record("no task"); return }
        let records = state.complete(task, outcome: .unavailable(), now: .zero)
        #expect(records.map(\.attempts) == [1])
        #expect(state.isFinished)
    }

    @Test("Retry-After overrides the jittered backoff")
    func retryAfterOverrides() {
        var state = FrontierState(limits: FrontierLimits(), policy: Self.retrying(base: 0.5))
        state.add(.page("p0"))
        guard let task = state.next(at: .zero) else { Issue.record("no task"); return }
        state.complete(task, outcome: .unavailable(retryAfter: 30), now: .s(1))
        let wait = state.waitDeadline(at: .s(1))
        #expect(wait == .s(31), "30 s after the failure, not under the 0.5 s jitter bound")
    }

    @Test("a Retry-After over the cap fails the page as retry-after-too-long")
    func retryAfterTooLong() {
        var policy = Self.retrying()
        policy.retry.maxRetryAfter = 600
        var state = FrontierState(limits: FrontierLimits(), policy: policy)
        state.add(.page("p0"))
        guard let task = state.next(at: .zero) else { Issue.record("no task"); return }
        let records = state.complete(task, outcome: .unavailable(retryAfter: 3600), now: .zero)
        #expect(records.count == 1)
        #expect(records.first?.reason.code == .retryAfterTooLong)
        #expect(records.first?.attempts == 1)
        #expect(state.retryCount == 0)
        #expect(state.isFinished)
    }

    @Test("the retry waits for the later of its backoff and the host's delay")
    func backoffAndDelay() {
        var state = FrontierState(limits: FrontierLimits(), policy: Self.retrying(delay: 3))
        state.add(.page("p0"))
        guard let task = state.next(at: .zero) else { Issue.record("no task"); return }
        state.complete(task, outcome: .unavailable(retryAfter: 1), now: .s(0.5))
        let wait = state.waitDeadline(at: .s(0.5))
        #expect(wait == .s(3))
    }

    @Test("the jittered backoff stays under base × 2^attempt")
    func jitterBounded() {
        var state = FrontierState(limits: FrontierLimits(), policy: Self.retrying(5, base: 2), seed: 7)
        state.add(.page("p0"))
        var now = Duration.zero
        for attempt in 0..<5 {
            guard let task = state.next(at: now) else { Issue.record("no task at attempt \(attempt)"); return }
            #expect(task.attempt == attempt)
            state.complete(task, outcome: .unavailable(), now: now)
            guard let until = state.waitDeadline(at: now) else {
                Issue.record("no backoff after attempt \(attempt)")
                return
            }
            let bound = Duration.s(2 * Double(1 << attempt))
            #expect(until > now && until <= now + bound, "attempt \(attempt): waited \(until - now)")
            now = until
        }
    }

    @Test("the same seed gives the same backoffs, another seed other ones")
    func seededJitter() {
        func waits(seed: UInt64) -> [Duration] {
            var state = FrontierState(limits: FrontierLimits(), policy: Self.retrying(4, base: 10), seed: seed)
            state.add(.page("p0"))
            var now = Duration.zero
            var waits: [Duration] = []
            while let task = state.next(at: now) {
                state.complete(task, outcome: .unavailable(), now: now)
                let until = state.waitDeadline(at: now) ?? now
                waits.append(until - now)
                now = until
            }
            return waits
        }
        let first = waits(seed: 42)
        #expect(first.count == 5)
        #expect(first == waits(seed: 42))
        #expect(first != waits(seed: 43))
    }

    @Test("retries are still handed out once the page limit is reached")
    func retriesAfterPageLimit() {
        var state = FrontierState(limits: FrontierLimits(maxPages: 1), policy: Self.retrying())
        state.add(.page("p0"))
        state.add(.page("p1"))
        guard let task = state.next(at: .zero) else { Issue.record("no task"); return }
        #expect(state.isPageLimitReached)
        state.complete(task, outcome: .unavailable(retryAfter: 1), now: .zero)
        #expect(!state.isFinished, "a retry is pending")
        let retry = state.next(at: .s(1))
        #expect(retry == .page("p0"))
        #expect(retry?.attempt == 1)
        if let retry { state.finish(retry, at: .s(1)) }
        let none = state.nextTask(now: .s(2))
        #expect(none == .none, "p1 is a first attempt over the limit")
        #expect(state.isFinished)
        #expect(state.dispatchedCount == 1)
    }

    @Test("a retry is not lost behind another origin's robots.txt once the page limit is reached")
    func retryBeforeNewOriginRobots() {
        let policy = SchedulerPolicy(obeyRobots: true, adaptive: false, retry: RetryPolicy(maxRetries: 3))
        var state = FrontierState(limits: FrontierLimits(maxPages: 1), policy: policy)
        state.add(CrawlTask(url: "http://a/p0", hostKey: "a", depth: 0))
        guard let robots = state.next(at: .zero) else { Issue.record("no robots task"); return }
        state.complete(robots, outcome: .robots(""), now: .zero)
        guard let page = state.next(at: .zero) else { Issue.record("no page"); return }
        state.complete(page, outcome: .unavailable(retryAfter: 1), now: .zero)
        // A link to the same host under https: a new origin, whose robots.txt goes to the front.
        state.add(CrawlTask(url: "https://a/p1", hostKey: "a", depth: 1), now: .zero)
        let retry = state.next(at: .s(1))
        #expect(retry == CrawlTask(url: "http://a/p0", hostKey: "a", depth: 0))
        #expect(retry?.attempt == 1)
        if let retry { state.finish(retry, at: .s(1)) }
        #expect(state.isFinished)
    }

    @Test("not finished while a retry backs off with nothing in flight")
    func notFinishedDuringBackoff() {
        var state = FrontierState(limits: FrontierLimits(), policy: Self.retrying())
        state.add(.page("p0"))
        guard let task = state.next(at: .zero) else { Issue.record("no task"); return }
        state.complete(task, outcome: .unavailable(retryAfter: 10), now: .zero)
        #expect(state.inFlightCount == 0)
        #expect(!state.isFinished)
        let wait = state.nextTask(now: .s(5))
        #expect(wait == .wait(until: .s(10)))
    }
}
