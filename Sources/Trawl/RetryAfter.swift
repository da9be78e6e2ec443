import Foundation
import TrawlHTTPCache

/// The `Retry-After` header (RFC 9110 §10.2.3) and the statuses worth retrying.
enum RetryAfter {
    /// Statuses that mean "try again later": request timeout, too many requests, and the
    /// server errors a proxy or an overloaded server sends. Other 4xx and 5xx are final.
    static let transientStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

    /// Seconds to wait from `now`: delta-seconds (`120`) or an HTTP-date; nil when malformed.
    /// A date in the past means "now" (0).
    static func seconds(_ value: String, now: Date) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return Double(trimmed.prefix(12)) ?? nil
        }
        guard let date = HTTPDate.parse(trimmed, now: now) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
