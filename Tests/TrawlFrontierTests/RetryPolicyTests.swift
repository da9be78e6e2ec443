import Testing
import TrawlFrontier

/// Exponential backoff with full jitter, and Retry-After.
@Suite struct RetryPolicyTests {
    @Test("the backoff bound doubles from the base and stops at the cap")
    func boundDoubles() {
        let policy = RetryPolicy(maxRetries: 10, base: 1, cap: 60)
        let bounds = (0..<8).map { policy.backoffBound(afterAttempt: $0) }
        #expect(bounds == [1, 2, 4, 8, 16, 32, 60, 60])
        #expect(policy.backoffBound(afterAttempt: 1_000) == 60, "no overflow for absurd attempt counts")
    }

    @Test("the jittered wait lies within [0, min(cap, base × 2^n)]", arguments: [0.0, 0.25, 0.5, 0.999_999])
    func fullJitter(random: Double) {
        let policy = RetryPolicy(maxRetries: 12, base: 0.5, cap: 20)
        for attempt in 0..<12 {
            let bound = min(20, 0.5 * Double(1 << attempt))
            guard case .retry(let wait) = policy.decision(afterAttempt: attempt, retryAfter: nil, random: random) else {
                Issue.record("no retry after attempt \(attempt)")
                continue
            }
            #expect(wait >= 0 && wait <= bound, "attempt \(attempt): \(wait) over \(bound)")
            #expect(abs(wait - random * bound) < 1e-9, "full jitter is uniform over the whole range")
        }
    }

    @Test("Retry-After replaces the jittered wait")
    func retryAfterOverrides() {
        let policy = RetryPolicy(maxRetries: 3, base: 1, cap: 60)
        let decision = policy.decision(afterAttempt: 0, retryAfter: 120, random: 0.3)
        #expect(decision == .retry(after: 120), "over the backoff cap but under max-retry-after")
        let zero = policy.decision(afterAttempt: 1, retryAfter: 0, random: 0.9)
        #expect(zero == .retry(after: 0))
        let negative = policy.decision(afterAttempt: 1, retryAfter: -5, random: 0.9)
        #expect(negative == .retry(after: 0))
    }

    @Test("a Retry-After over max-retry-after gives up at once, a Retry-After at it is obeyed")
    func retryAfterCap() {
        let policy = RetryPolicy(maxRetries: 3, maxRetryAfter: 600)
        let over = policy.decision(afterAttempt: 0, retryAfter: 600.5, random: 0.5)
        #expect(over == .retryAfterTooLong(600.5))
        let at = policy.decision(afterAttempt: 0, retryAfter: 600, random: 0.5)
        #expect(at == .retry(after: 600))
        let lastAttempt = policy.decision(afterAttempt: 3, retryAfter: 601, random: 0.5)
        #expect(lastAttempt == .retryAfterTooLong(601), "the reason names the long wait, not the retries")
    }

    @Test("after max retries it gives up, with or without Retry-After")
    func givesUp() {
        let policy = RetryPolicy(maxRetries: 2)
        let second = policy.decision(afterAttempt: 1, retryAfter: nil, random: 0.5)
        #expect(second != .giveUp)
        let third = policy.decision(afterAttempt: 2, retryAfter: nil, random: 0.5)
        #expect(third == .giveUp)
        let withHeader = policy.decision(afterAttempt: 2, retryAfter: 1, random: 0.5)
        #expect(withHeader == .giveUp)
    }

    @Test("zero retries never retries")
    func zeroRetries() {
        let policy = RetryPolicy(maxRetries: 0)
        let decision = policy.decision(afterAttempt: 0, retryAfter: 1, random: 0)
        #expect(decision == .giveUp)
    }
}
