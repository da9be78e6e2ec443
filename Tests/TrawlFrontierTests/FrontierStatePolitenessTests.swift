import Testing
import TrawlFrontier

/// Per-host delays, Crawl-delay and parked hosts, driven with a fake time.
@Suite struct FrontierStatePolitenessTests {
    /// `--delay seconds`, no robots.txt, no adaptive throttle.
    private static func delayed(_ seconds: Double, robots: Bool = false) -> SchedulerPolicy {
        SchedulerPolicy(delay: seconds, obeyRobots: robots, adaptive: false)
    }

    /// The start times of `count` pages of host `a` handed out as early as the state allows,
    /// after its robots.txt (which says `robotsTxt`) was fetched at 0 and answered at 0.1.
    private static func pageStarts(policy: SchedulerPolicy, robotsTxt: String, count: Int = 3) -> [Duration] {
        var state = FrontierState(limits: FrontierLimits(perHost: 8), policy: policy)
        for i in 0..<count { state.add(.page("p\(i)")) }
        guard let robots = state.next(at: .zero), robots.kind == .robots else {
            Issue.record("the robots.txt task did not come first")
            return []
        }
        state.complete(robots, outcome: .robots(robotsTxt), now: .s(0.1))
        var now = Duration.s(0.1)
        var starts: [Duration] = []
        while starts.count < count {
            if let task = state.next(at: now) {
                starts.append(now)
                state.finish(task, at: now)
            } else if let until = state.waitDeadline(at: now) {
                now = until
            } else {
                Issue.record("neither a task nor a wait at \(now)")
                return starts
            }
        }
        return starts
    }

    @Test("a host's next request starts only once the delay since its last start has passed")
    func delayBetweenStarts() {
        var state = FrontierState(limits: FrontierLimits(perHost: 4), policy: Self.delayed(2))
        state.add(.page("p0"))
        state.add(.page("p1"))
        let first = state.next(at: .s(1))
        #expect(first == .page("p0"))
        let wait = state.waitDeadline(at: .s(1))
        #expect(wait == .s(3))
        if let first { state.finish(first, at: .s(1.1)) }
        let early = state.waitDeadline(at: .s(2.999))
        #expect(early == .s(3), "finishing early does not shorten the delay")
        let second = state.next(at: .s(3))
        #expect(second == .page("p1"))
    }

    @Test("while one host waits out its delay, the others proceed")
    func otherHostsProceed() {
        var state = FrontierState(limits: FrontierLimits(), policy: Self.delayed(2))
        for host in ["a", "b"] {
            state.add(.page("p0", host: host))
            state.add(.page("p1", host: host))
        }
        let firsts = state.drain(at: .zero)
        #expect(Set(firsts) == [.page("p0", host: "a"), .page("p0", host: "b")])
        let wait = state.waitDeadline(at: .s(0.5))
        #expect(wait == .s(2))
        state.add(.page("p0", host: "c"), now: .s(0.5))
        let fresh = state.next(at: .s(0.5))
        #expect(fresh == .page("p0", host: "c"), "a new host is not held up by the parked ones")
        let seconds = state.drain(at: .s(2))
        #expect(Set(seconds) == [.page("p1", host: "a"), .page("p1", host: "b")])
    }

    @Test("wait(until:) names the earliest time any parked host becomes ready")
    func earliestParkedTime() {
        var state = FrontierState(limits: FrontierLimits(), policy: Self.delayed(2))
        state.add(.page("p0", host: "a"))
        state.add(.page("p1", host: "a"))
        let a0 = state.next(at: .zero)
        #expect(a0 == .page("p0", host: "a"))
        state.add(.page("p0", host: "b"), now: .s(0.5))
        state.add(.page("p1", host: "b"), now: .s(0.5))
        let b0 = state.next(at: .s(0.5))
        #expect(b0 == .page("p0", host: "b"))
        let first = state.waitDeadline(at: .s(1))
        #expect(first == .s(2))
        let a1 = state.next(at: .s(2))
        #expect(a1 == .page("p1", host: "a"))
        let second = state.waitDeadline(at: .s(2))
        #expect(second == .s(2.5))
        let b1 = state.next(at: .s(2.5))
        #expect(b1 == .page("p1", host: "b"))
        let end = state.nextTask(now: .s(2.5))
        #expect(end == .none)
    }

    @Test("a host that is busy rather than delayed gives none, not a wait")
    func busyIsNotWait() {
        var state = FrontierState(limits: FrontierLimits(perHost: 1), policy: .plain)
        state.add(.page("p0"))
        state.add(.page("p1"))
        let first = state.next(at: .zero)
        #expect(first == .page("p0"))
        let busy = state.nextTask(now: .s(10))
        #expect(busy == .none)
        if let first { state.finish(first, at: .s(10)) }
        let second = state.next(at: .s(10))
        #expect(second == .page("p1"))
    }

    @Test("a parked host is handed out once when its time comes, however often it was reconsidered")
    func parkedOnce() {
        var state = FrontierState(limits: FrontierLimits(perHost: 8), policy: Self.delayed(1))
        state.add(.page("p0"))
        let first = state.next(at: .zero)
        #expect(first == .page("p0"))
        for i in 1...5 { state.add(.page("p\(i)"), now: .s(0.1 * Double(i))) }
        if let first { state.finish(first, at: .s(0.6)) }
        let atOne = state.drain(at: .s(1))
        #expect(atOne == [.page("p1")])
        let wait = state.waitDeadline(at: .s(1))
        #expect(wait == .s(2))
        let atTwo = state.drain(at: .s(2))
        #expect(atTwo == [.page("p2")])
    }

    @Test("with no delay, a host's pages go out together up to the per-host limit")
    func noDelayNoParking() {
        var state = FrontierState(limits: FrontierLimits(perHost: 3), policy: .plain)
        for i in 0..<5 { state.add(.page("p\(i)")) }
        let handed = state.drain(at: .zero)
        #expect(handed.count == 3)
        let after = state.nextTask(now: .zero)
        #expect(after == .none)
    }

    @Test("Crawl-delay applies when it is larger than --delay, counted from the robots.txt answer")
    func crawlDelayLarger() {
        let starts = Self.pageStarts(policy: Self.delayed(1, robots: true), robotsTxt: "User-agent: *\nCrawl-delay: 3\n")
        #expect(starts == [.s(3.1), .s(6.1), .s(9.1)])
    }

    @Test("--delay applies when it is larger than Crawl-delay")
    func delayLarger() {
        let starts = Self.pageStarts(policy: Self.delayed(5, robots: true), robotsTxt: "User-agent: *\nCrawl-delay: 3\n")
        #expect(starts == [.s(5.1), .s(10.1), .s(15.1)])
    }

    @Test("a Crawl-delay over max-crawl-delay is capped")
    func crawlDelayCapped() {
        var policy = Self.delayed(0, robots: true)
        policy.maxCrawlDelay = 10
        let starts = Self.pageStarts(policy: policy, robotsTxt: "User-agent: *\nCrawl-delay: 3600\n")
        #expect(starts == [.s(10.1), .s(20.1), .s(30.1)])
    }

    @Test("Crawl-delay is ignored when obeyCrawlDelay is off")
    func crawlDelayIgnored() {
        var policy = Self.delayed(0.5, robots: true)
        policy.obeyCrawlDelay = false
        let starts = Self.pageStarts(policy: policy, robotsTxt: "User-agent: *\nCrawl-delay: 3\n")
        #expect(starts == [.s(0.6), .s(1.1), .s(1.6)])
    }

    @Test("the first page waits the delay from the robots.txt answer, not from when robots.txt was handed out")
    func delayFromRobotsAnswer() {
        var state = FrontierState(limits: FrontierLimits(), policy: Self.delayed(0.5, robots: true))
        state.add(.page("p0"))
        guard let robots = state.next(at: .zero) else { Issue.record("no robots task"); return }
        // The first request to a host may reach it late (connection set-up), up to the moment it
        // is answered: the page right after must still be a delay later on the server's clock.
        state.complete(robots, outcome: .robots(""), now: .s(0.4))
        let wait = state.waitDeadline(at: .s(0.5))
        #expect(wait == .s(0.9))
        let page = state.next(at: .s(0.9))
        #expect(page == .page("p0"))
    }

    @Test("a Crawl-delay for another crawler does not apply")
    func crawlDelayOtherAgent() {
        let starts = Self.pageStarts(
            policy: Self.delayed(0, robots: true), robotsTxt: "User-agent: OtherBot\nCrawl-delay: 9\n")
        #expect(starts == [.s(0.1), .s(0.1), .s(0.1)])
    }

    @Test("a request goes on the wire no sooner than the delay after the host's previous one")
    func sendSpacing() {
        var state = FrontierState(limits: FrontierLimits(), policy: Self.delayed(1))
        let first = state.reserveSend(to: "a", now: .s(0.5))
        #expect(first == .s(0.5), "the first request to a host goes at once")
        // Handed out a delay after the first but reaching the network promptly, while the first
        // reached it late: the second still waits a full delay after the first's send.
        let second = state.reserveSend(to: "a", now: .s(1.2))
        #expect(second == .s(1.5))
        let third = state.reserveSend(to: "a", now: .s(4))
        #expect(third == .s(4))
        let other = state.reserveSend(to: "b", now: .s(4))
        #expect(other == .s(4), "another host does not wait")
    }

    @Test("without a delay, requests go on the wire at once")
    func sendWithoutDelay() {
        var state = FrontierState(limits: FrontierLimits(), policy: .plain)
        let sends = (0..<3).map { _ in state.reserveSend(to: "a", now: .s(2)) }
        #expect(sends == [.s(2), .s(2), .s(2)])
    }

    @Test("the global limit holds back hosts that are ready")
    func globalLimitBeforeHosts() {
        var state = FrontierState(limits: FrontierLimits(concurrency: 1), policy: Self.delayed(1))
        state.add(.page("p0", host: "a"))
        state.add(.page("p0", host: "b"))
        let first = state.next(at: .zero)
        #expect(first == .page("p0", host: "a"))
        let full = state.nextTask(now: .zero)
        #expect(full == .none)
        if let first { state.finish(first, at: .s(0.2)) }
        let second = state.next(at: .s(0.2))
        #expect(second == .page("p0", host: "b"))
    }
}
