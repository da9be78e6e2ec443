/// The frontier's time source: a `Duration` since the crawl started, and a way to wait for one.
///
/// Injected so that delays, backoff and Retry-After are testable; ``ContinuousFrontierClock``
/// is the real one.
public protocol FrontierClock: Sendable {
    /// Time elapsed since the crawl started.
    var now: Duration { get }
    /// Suspends until `now` reaches `deadline`; throws when the task is cancelled.
    func sleep(until deadline: Duration) async throws
}

/// The monotonic system clock, counted from the moment this value was made.
public struct ContinuousFrontierClock: FrontierClock {
    private let origin: ContinuousClock.Instant

    public init() {
        origin = ContinuousClock.now
    }

    public var now: Duration { ContinuousClock.now - origin }

    public func sleep(until deadline: Duration) async throws {
        try await ContinuousClock().sleep(until: origin + deadline, tolerance: .milliseconds(1))
    }
}
