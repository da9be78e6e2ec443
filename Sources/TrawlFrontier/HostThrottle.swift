/// One host's adaptive concurrency and delay: multiplicative decrease on pushback, additive
/// recovery on healthy responses (the AIMD rule TCP uses for congestion).
///
/// Pushback is a 429 or 503, or a response far slower than the host's own recent baseline. Each
/// decrease halves the concurrency (down to 1) and doubles the extra delay (from a floor, up to a
/// cap). Only responses to requests sent after the last decrease can cause another one, so a
/// burst of 429s from requests already in flight slows the host once, not eight times. After as
/// many healthy responses in a row as the current concurrency, one step is given back: one more
/// request in flight (up to `--per-host`) and one floor less of delay.
public struct HostThrottle: Sendable, Hashable {
    /// Requests in flight allowed now (between 1 and the configured per-host limit).
    public private(set) var concurrency: Int
    /// Seconds added between request starts by pushback (0 when the host is healthy).
    public private(set) var extraDelay: Double = 0
    /// True once the host has been slowed down at least once.
    public private(set) var wasSlowed = false
    /// Exponentially weighted mean of response times, once enough samples came in.
    public private(set) var baseline: Double?
    private var samples = 0
    private var sampleSum = 0.0
    private var healthyStreak = 0
    /// Tasks dispatched with a sequence number up to this one were already in flight at the
    /// last decrease.
    private var decreasedAtSequence = -1

    /// A throttle restored from a saved state: `concurrency` and `extraDelay` as learned
    /// before a restart (the baseline is learned again).
    public init(concurrency: Int, extraDelay: Double, wasSlowed: Bool) {
        self.init(concurrency: concurrency)
        self.extraDelay = extraDelay
        self.wasSlowed = wasSlowed
    }

    public init(concurrency: Int) {
        self.concurrency = concurrency
    }

    /// What a finished request tells the throttle.
    public enum Signal: Sendable, Hashable {
        /// The server said it is overloaded (429, 503).
        case pushback
        /// A response arrived after `elapsed` seconds.
        case response(elapsed: Double)
    }

    /// Feeds one finished request, sent as dispatch number `sequence`; `lastSequence` is the
    /// newest dispatch number handed out so far (to any host).
    public mutating func record(
        _ signal: Signal, sequence: Int, lastSequence: Int, maxConcurrency: Int, settings: ThrottleSettings
    ) {
        switch signal {
        case .pushback:
            decrease(sequence: sequence, lastSequence: lastSequence, settings: settings)
        case .response(let elapsed):
            if let baseline, samples >= settings.baselineSamples,
                elapsed > baseline * settings.latencyFactor, elapsed - baseline > settings.latencyMargin
            {
                decrease(sequence: sequence, lastSequence: lastSequence, settings: settings)
                return
            }
            learn(elapsed, settings: settings)
            healthyStreak += 1
            if healthyStreak >= concurrency, concurrency < maxConcurrency || extraDelay > 0 {
                healthyStreak = 0
                concurrency = min(maxConcurrency, concurrency + 1)
                extraDelay = extraDelay > settings.delayFloor ? extraDelay - settings.delayFloor : 0
            }
        }
    }

    private mutating func decrease(sequence: Int, lastSequence: Int, settings: ThrottleSettings) {
        healthyStreak = 0
        guard sequence > decreasedAtSequence else { return }
        decreasedAtSequence = lastSequence
        wasSlowed = true
        concurrency = max(1, concurrency / 2)
        extraDelay = min(settings.delayCap, max(settings.delayFloor, extraDelay * 2))
    }

    private mutating func learn(_ elapsed: Double, settings: ThrottleSettings) {
        samples += 1
        if samples <= settings.baselineSamples {
            // A plain mean over the first samples, so that one slow first connection does not
            // set the baseline on its own.
            sampleSum += elapsed
            baseline = sampleSum / Double(samples)
        } else if let current = baseline {
            baseline = current * 0.9 + elapsed * 0.1
        }
    }
}
