import Testing
import TrawlFrontier

/// The ``Frontier`` actor's one timer and send gate, on a clock the test moves by hand.
@Suite(.timeLimit(.minutes(1)))
struct FrontierTimerTests {
    @Test("a worker waiting for a delayed host is woken when the clock reaches the host's time")
    func timerWakesWorker() async {
        let clock = ManualFrontierClock()
        let frontier = Frontier(
            limits: FrontierLimits(), policy: SchedulerPolicy(delay: 1, obeyRobots: false, adaptive: false),
            clock: clock, seed: 1)
        await frontier.add([.page("p0"), .page("p1")])
        guard let first = await frontier.next() else { Issue.record("no first task"); return }
        await frontier.complete(first, outcome: .finished(nil), discovered: [])
        async let second = frontier.next()
        await clock.waitForSleeper()
        #expect(clock.sleeperCount == 1, "one timer for the parked host")
        clock.advance(to: .s(1))
        #expect(await second == .page("p1"))
    }

    @Test("a request waits at the send gate until the host's delay since the previous send has passed")
    func sendGate() async {
        let clock = ManualFrontierClock()
        let frontier = Frontier(
            limits: FrontierLimits(), policy: SchedulerPolicy(delay: 2, obeyRobots: false, adaptive: false),
            clock: clock, seed: 1)
        await frontier.waitToSend(to: "a")
        #expect(clock.sleeperCount == 0, "the first request to a host goes at once")
        clock.advance(to: .s(0.5))
        async let gated: Void = frontier.waitToSend(to: "a")
        await frontier.waitToSend(to: "b")
        await clock.waitForSleeper()
        clock.advance(to: .s(1.9))
        #expect(clock.sleeperCount == 1, "still waiting before 2 s")
        clock.advance(to: .s(2))
        await gated
        #expect(clock.now == .s(2))
    }
}
