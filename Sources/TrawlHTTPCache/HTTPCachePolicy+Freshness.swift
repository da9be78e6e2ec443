import Foundation
import TrawlCore

extension HTTPCachePolicy {
    /// Status codes a cache may give a heuristic freshness lifetime (RFC 9110 §15.1).
    public static let heuristicallyCacheableStatuses: Set<Int> = [
        200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501,
    ]

    /// The longest heuristic freshness lifetime, in seconds: one day, whatever Last-Modified says.
    public static let maximumHeuristicLifetime: Double = 86_400

    /// The freshness lifetime of a response in seconds, for a private cache (RFC 9111 §4.2.1).
    ///
    /// The first that applies: `max-age` (`s-maxage` is for shared caches and ignored); `Expires`
    /// minus `Date` (the response time when `Date` is missing or invalid), where an invalid
    /// `Expires` such as "0", or two different ones, means 0; otherwise, for a heuristically
    /// cacheable status or a `public` response, 10% of `Date` minus `Last-Modified`, at most a
    /// day. Nil when none applies: the response has no freshness and is always stale. Never
    /// negative. `now` only resolves two-digit years in obsolete dates.
    public static func freshnessLifetime(
        status: Int, responseHeaders headers: HTTPHeaders, responseTime: Date, now: Date
    ) -> Double? {
        let control = CacheControl(headers: headers)
        if let maxAge = control.maxAge { return Double(maxAge) }
        let dateValue = dateValue(headers, responseTime: responseTime, now: now)
        let expiresValues = headers.values(named: "Expires")
        if let first = expiresValues.first {
            // Several different Expires lines: RFC 9111 §4.2.1 allows treating the response as stale.
            guard expiresValues.allSatisfy({ $0 == first }), let expires = HTTPDate.parse(first, now: now) else {
                return 0
            }
            return max(0, expires.timeIntervalSince(dateValue))
        }
        guard heuristicallyCacheableStatuses.contains(status) || control.isPublic,
            let lastModifiedText = headers["Last-Modified"],
            let lastModified = HTTPDate.parse(lastModifiedText, now: now)
        else { return nil }
        return min(maximumHeuristicLifetime, max(0, dateValue.timeIntervalSince(lastModified) / 10))
    }

    /// The current age of a stored response in seconds (RFC 9111 §4.2.3).
    ///
    /// `corrected_initial_age = max(apparent_age, Age + response_delay)` plus the time resident
    /// in the cache since `responseTime`. An invalid `Age` is ignored, as §5.1 says; a list-valued
    /// one counts by its first member. Never negative, even if the clock went backwards.
    public static func currentAge(
        responseHeaders headers: HTTPHeaders, requestTime: Date, responseTime: Date, now: Date
    ) -> Double {
        let dateValue = dateValue(headers, responseTime: responseTime, now: now)
        let apparentAge = max(0, responseTime.timeIntervalSince(dateValue))
        let responseDelay = max(0, responseTime.timeIntervalSince(requestTime))
        let correctedAgeValue = ageValue(headers) + responseDelay
        let correctedInitialAge = max(apparentAge, correctedAgeValue)
        let residentTime = max(0, now.timeIntervalSince(responseTime))
        return correctedInitialAge + residentTime
    }

    /// The `Date` field, or the time the response was received when it is missing or invalid
    /// (RFC 9110 §6.6.1: a cache adds a missing Date).
    static func dateValue(_ headers: HTTPHeaders, responseTime: Date, now: Date) -> Date {
        headers["Date"].flatMap { HTTPDate.parse($0, now: now) } ?? responseTime
    }

    /// The first member of `Age` as seconds, or 0 when absent or not a non-negative integer.
    static func ageValue(_ headers: HTTPHeaders) -> Double {
        guard let field = headers["Age"],
            let first = field.split(separator: ",", omittingEmptySubsequences: false).first
        else { return 0 }
        let text = first.trimmingWhitespace()
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return 0 }
        return Double(CacheControl.deltaSeconds(text))
    }
}
