import Foundation
import TrawlCore

/// Decides, for one request, whether a stored response is used, revalidated or replaced: RFC 9111
/// for a private cache, bent by the user's ``CacheMode``.
///
/// Pure: no I/O, no clock of its own (every time is an argument), `Sendable`, safe from any
/// thread. Storage is the caller's business (STYLE.md point 13).
public struct HTTPCachePolicy: Sendable, Hashable {
    public var mode: CacheMode
    /// In ``CacheMode/prefer`` mode, the oldest stored response used without contacting the
    /// server, measured from when it was received (or last revalidated); nil means any age.
    /// Ignored by the other modes.
    public var maxAge: Duration?

    public init(mode: CacheMode, maxAge: Duration? = nil) {
        self.mode = mode
        self.maxAge = maxAge
    }

    /// What to do with a request for which the cache holds `stored` (nil: nothing).
    ///
    /// In every mode a stored response whose `Vary` fields differ in `requestHeaders` (or that
    /// says `Vary: *`) counts as nothing stored. Then:
    /// - ``CacheMode/prefer``: use it, unless `maxAge` is set and it was received longer ago;
    ///   then revalidate it, or fetch when it has no validator.
    /// - ``CacheMode/http``: RFC 9111. Use it while fresh, unless the response says `no-cache`
    ///   or the request says `no-cache` or limits it with `max-age` or `min-fresh`; use it stale
    ///   only within the request's `max-stale` and never with `must-revalidate`; otherwise
    ///   revalidate, or fetch when it has no validator. A stored `no-store` response is fetched
    ///   again. With `only-if-cached` in the request, going to the network becomes ``CacheDecision/miss``.
    /// - ``CacheMode/refresh``: revalidate it, or fetch when it has no validator, fresh or not.
    /// - ``CacheMode/offline``: use it even stale: offline is the user's explicit permission,
    ///   which RFC 9111 §4.2.4 grants a disconnected cache. But the server's prohibitions stand:
    ///   `no-cache`, `no-store`, and `must-revalidate` once stale (§5.2.2.2 asks a disconnected
    ///   cache for an error) give ``CacheDecision/miss``, as does nothing stored.
    public func decide(stored: StoredResponseMeta?, requestHeaders: HTTPHeaders, now: Date) -> CacheDecision {
        let request = CacheControl(headers: requestHeaders)
        // only-if-cached is a request directive, so only http mode (RFC rules) honours it.
        let networkForbidden = mode == .offline || (mode == .http && request.onlyIfCached)
        guard let stored,
            Self.varyMatches(
                responseHeaders: stored.responseHeaders, storedRequest: stored.requestHeaders,
                newRequest: requestHeaders)
        else { return networkForbidden ? .miss : .fetch }
        switch mode {
        case .prefer:
            guard let maxAge, now.timeIntervalSince(stored.responseTime) > maxAge.seconds else { return .useStored }
            return validateOrFetch(stored, now: now)
        case .refresh:
            return validateOrFetch(stored, now: now)
        case .offline:
            return servableOffline(stored, now: now) ? .useStored : .miss
        case .http:
            let decision = decideByRFC(stored, request: request, now: now)
            return decision == .useStored || !networkForbidden ? decision : .miss
        }
    }

    /// Whether a response received in this mode may be stored (RFC 9111 §3).
    ///
    /// Never: a 1xx, 206 or 304 status (Trawl neither sends ranges nor stores a 304 on its own; a
    /// 304 freshens the stored response), or `no-store` in the response or in the request, unless
    /// the response also says `must-understand` (§5.2.2.3). In ``CacheMode/http`` and
    /// ``CacheMode/refresh`` the response must also have explicit freshness (`max-age`,
    /// `Expires`), say `public` or `private`, or have a heuristically cacheable status; a 302
    /// without them is not stored. ``CacheMode/prefer`` and ``CacheMode/offline`` keep every
    /// other response, as Trawl always has: the cache is also the crawl's record, and ``decide``
    /// never serves such a response unvalidated in `http` mode.
    public func isStorable(status: Int, responseHeaders: HTTPHeaders, requestHeaders: HTTPHeaders = []) -> Bool {
        guard status >= 200, status != 206, status != 304 else { return false }
        let response = CacheControl(headers: responseHeaders)
        if CacheControl(headers: requestHeaders).noStore { return false }
        if response.noStore && !response.mustUnderstand { return false }
        switch mode {
        case .prefer, .offline:
            return true
        case .http, .refresh:
            return response.maxAge != nil || !responseHeaders.values(named: "Expires").isEmpty
                || response.isPublic || response.isPrivate
                || Self.heuristicallyCacheableStatuses.contains(status)
        }
    }

    private func validateOrFetch(_ stored: StoredResponseMeta, now: Date) -> CacheDecision {
        let conditions = Self.conditionalHeaders(for: stored.responseHeaders, now: now)
        return conditions.fields.isEmpty ? .fetch : .revalidate(conditions)
    }

    private func decideByRFC(_ stored: StoredResponseMeta, request: CacheControl, now: Date) -> CacheDecision {
        let response = CacheControl(headers: stored.responseHeaders)
        if response.noStore { return .fetch }
        if response.noCache || request.noCache { return validateOrFetch(stored, now: now) }
        let lifetime = freshness(stored, now: now)
        let age = Self.currentAge(
            responseHeaders: stored.responseHeaders, requestTime: stored.requestTime,
            responseTime: stored.responseTime, now: now)
        if let limit = request.maxAge, age > Double(limit) { return validateOrFetch(stored, now: now) }
        let remaining = lifetime - age
        if remaining > Double(request.minFresh ?? 0) { return .useStored }
        // Stale (or not fresh enough): only the client's max-stale lets it through, never against
        // must-revalidate (RFC 9111 §4.2.4, §5.2.2.2).
        if remaining <= 0, !response.mustRevalidate, let maxStale = request.maxStale, -remaining <= Double(maxStale) {
            return .useStored
        }
        return validateOrFetch(stored, now: now)
    }

    private func servableOffline(_ stored: StoredResponseMeta, now: Date) -> Bool {
        let response = CacheControl(headers: stored.responseHeaders)
        if response.noCache || response.noStore { return false }
        guard response.mustRevalidate else { return true }
        let age = Self.currentAge(
            responseHeaders: stored.responseHeaders, requestTime: stored.requestTime,
            responseTime: stored.responseTime, now: now)
        return freshness(stored, now: now) > age
    }

    private func freshness(_ stored: StoredResponseMeta, now: Date) -> Double {
        Self.freshnessLifetime(
            status: stored.status, responseHeaders: stored.responseHeaders, responseTime: stored.responseTime,
            now: now) ?? 0
    }
}

extension Duration {
    /// The duration in seconds, with its fraction.
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
