import Testing
import TrawlFrontier

/// The adaptive throttle on its own: multiplicative decrease, additive recovery, latency spikes.
@Suite struct HostThrottleTests {
    /// A throttle fed with consecutive dispatch numbers, as if each signal came from a request
    /// sent after the previous one finished.
    private struct Driver {
        var throttle: HostThrottle
        var sequence = 0
        let maximum: Int
        var settings = ThrottleSettings()

        init(concurrency: Int = 4) {
            throttle = HostThrottle(concurrency: concurrency)
            maximum = concurrency
        }

        mutating func feed(_ signal: HostThrottle.Signal, times: Int = 1) {
            for _ in 0..<times {
                sequence += 1
                throttle.record(
                    signal, sequence: sequence, lastSequence: sequence, maxConcurrency: maximum, settings: settings)
            }
        }
    }

    @Test("each pushback halves the concurrency, down to one")
    func halvesConcurrency() {
        var driver = Driver(concurrency: 8)
        var seen: [Int] = []
        for _ in 0..<5 {
            driver.feed(.pushback)
            seen.append(driver.throttle.concurrency)
        }
        #expect(seen == [4, 2, 1, 1, 1])
        #expect(driver.throttle.wasSlowed)
    }

    @Test("each pushback doubles the extra delay, starting at the floor and stopping at the cap")
    func doublesDelay() {
        var driver = Driver()
        driver.settings.delayFloor = 0.25
        driver.settings.delayCap = 1.5
        #expect(driver.throttle.extraDelay == 0)
        var seen: [Double] = []
        for _ in 0..<5 {
            driver.feed(.pushback)
            seen.append(driver.throttle.extraDelay)
        }
        #expect(seen == [0.25, 0.5, 1, 1.5, 1.5])
    }

    @Test("a burst of pushback from requests already in flight slows the host once")
    func oneDecreasePerBurst() {
        var throttle = HostThrottle(concurrency: 8)
        let settings = ThrottleSettings()
        // Dispatches 1 to 8 were in flight when the first 429 came back.
        for sequence in 1...8 {
            throttle.record(.pushback, sequence: sequence, lastSequence: 8, maxConcurrency: 8, settings: settings)
        }
        #expect(throttle.concurrency == 4)
        #expect(throttle.extraDelay == settings.delayFloor)
        // A request sent after the decrease still pushes back: that is new information.
        throttle.record(.pushback, sequence: 9, lastSequence: 9, maxConcurrency: 8, settings: settings)
        #expect(throttle.concurrency == 2)
        #expect(throttle.extraDelay == 2 * settings.delayFloor)
    }

    @Test("a response far slower than the host's baseline counts as pushback")
    func latencySpike() {
        var driver = Driver()
        driver.feed(.response(elapsed: 0.1), times: 8)
        let baseline = driver.throttle.baseline ?? 0
        #expect(abs(baseline - 0.1) < 1e-9)
        #expect(!driver.throttle.wasSlowed)
        driver.feed(.response(elapsed: 0.5))
        #expect(driver.throttle.wasSlowed)
        #expect(driver.throttle.concurrency == 2)
        #expect(driver.throttle.baseline == baseline, "a spike is not learned")
    }

    @Test("a slow response before the baseline is trusted is not pushback")
    func noSpikeWithoutBaseline() {
        var driver = Driver()
        driver.feed(.response(elapsed: 0.1), times: 7)
        driver.feed(.response(elapsed: 2))
        #expect(!driver.throttle.wasSlowed)
        #expect(driver.throttle.concurrency == 4)
    }

    @Test("a slowdown under the margin is not pushback, however large the factor")
    func smallRiseIgnored() {
        var driver = Driver()
        driver.feed(.response(elapsed: 0.002), times: 8)
        driver.feed(.response(elapsed: 0.1))
        #expect(!driver.throttle.wasSlowed)
    }

    @Test("the baseline follows the host's own latency as it drifts")
    func baselineDrifts() {
        var driver = Driver()
        driver.feed(.response(elapsed: 0.1), times: 8)
        driver.feed(.response(elapsed: 0.2), times: 30)
        let baseline = driver.throttle.baseline ?? 0
        #expect(baseline > 0.19 && baseline < 0.2)
        // Against the first baseline, 0.5 s was a spike (see above); against the drifted one it is not.
        driver.feed(.response(elapsed: 0.5))
        #expect(!driver.throttle.wasSlowed)
    }

    @Test("healthy responses give back one request and one delay step at a time, up to the limit")
    func additiveRecovery() {
        var driver = Driver(concurrency: 4)
        driver.feed(.pushback)
        driver.feed(.pushback)
        #expect(driver.throttle.concurrency == 1)
        #expect(driver.throttle.extraDelay == 0.5)
        var steps: [String] = []
        func note(_ driver: Driver) {
            steps.append("\(driver.throttle.concurrency)/\(driver.throttle.extraDelay)")
        }
        // A step needs as many healthy responses in a row as the concurrency allows.
        for _ in 0..<10 {
            driver.feed(.response(elapsed: 0.01))
            note(driver)
        }
        #expect(steps == ["2/0.25", "2/0.25", "3/0.0", "3/0.0", "3/0.0", "4/0.0", "4/0.0", "4/0.0", "4/0.0", "4/0.0"])
        #expect(driver.throttle.wasSlowed, "the summary still names the host")
    }

    @Test("pushback in the middle of a recovery starts the healthy streak over")
    func pushbackResetsStreak() {
        var driver = Driver(concurrency: 4)
        driver.feed(.pushback)
        #expect(driver.throttle.concurrency == 2)
        driver.feed(.response(elapsed: 0.01))
        driver.feed(.pushback)
        #expect(driver.throttle.concurrency == 1)
        driver.feed(.response(elapsed: 0.01))
        #expect(driver.throttle.concurrency == 2)
        driver.feed(.response(elapsed: 0.01))
        #expect(driver.throttle.concurrency == 2, "one healthy response of the two needed")
    }

    @Test("a healthy host is never raised above its configured concurrency")
    func neverAboveLimit() {
        var driver = Driver(concurrency: 3)
        driver.feed(.response(elapsed: 0.01), times: 50)
        #expect(driver.throttle.concurrency == 3)
        #expect(driver.throttle.extraDelay == 0)
        #expect(!driver.throttle.wasSlowed)
    }
}
