/// When and how long to wait before retrying a transient failure: exponential backoff with full
/// jitter, overridden by `Retry-After`.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt (`--retries`); 0 turns retrying off.
    public var maxRetries: Int
    /// The first backoff's upper bound in seconds (`--retry-base`); each retry doubles it.
    public var base: Double
    /// The backoff's upper bound never exceeds this many seconds.
    public var cap: Double
    /// The longest `Retry-After` obeyed (`--max-retry-after`). A server asking for a longer wait
    /// fails the page as `retry-after-too-long` rather than holding its host for hours.
    public var maxRetryAfter: Double

    public init(maxRetries: Int = 3, base: Double = 1, cap: Double = 60, maxRetryAfter: Double = 600) {
        self.maxRetries = maxRetries
        self.base = base
        self.cap = cap
        self.maxRetryAfter = maxRetryAfter
    }

    /// What to do after attempt number `attempt` (0-based) failed transiently.
    ///
    /// - Parameters:
    ///   - retryAfter: the server's `Retry-After` in seconds, when it sent one.
    ///   - random: a number in `0..<1` (injected so that tests are deterministic).
    public func decision(afterAttempt attempt: Int, retryAfter: Double?, random: Double) -> RetryDecision {
        if let retryAfter, retryAfter > maxRetryAfter { return .retryAfterTooLong(retryAfter) }
        guard attempt < maxRetries else { return .giveUp }
        if let retryAfter { return .retry(after: max(0, retryAfter)) }
        return .retry(after: random * backoffBound(afterAttempt: attempt))
    }

    /// `min(cap, base × 2^attempt)`: the upper bound of the jittered wait.
    public func backoffBound(afterAttempt attempt: Int) -> Double {
        min(cap, base * Double(1 << min(attempt, 30)))
    }
}

/// The outcome of ``RetryPolicy/decision(afterAttempt:retryAfter:random:)``.
public enum RetryDecision: Sendable, Hashable {
    case retry(after: Double)
    case giveUp
    case retryAfterTooLong(Double)
}
