import TrawlCore

/// What the crawler does with one request, given what the cache holds.
///
/// A plain value; `Sendable`.
public enum CacheDecision: Sendable, Hashable {
    /// Use the stored response as it is, without contacting the server.
    case useStored
    /// Send the request with these conditional header fields added (`If-None-Match`,
    /// `If-Modified-Since`). A 304 means the stored body is still good: freshen the stored
    /// headers with ``HTTPCachePolicy/freshened(_:notModified:requestTime:responseTime:)``.
    /// Any other response replaces the stored one.
    case revalidate(HTTPHeaders)
    /// Send the request unconditionally: nothing usable is stored, the stored response has no
    /// validator, or it was negotiated for different request headers (`Vary`).
    case fetch
    /// Offline mode (or `Cache-Control: only-if-cached` in the request) and nothing usable is
    /// stored: the caller records the URL as not in the cache and does not contact the server.
    case miss
}
