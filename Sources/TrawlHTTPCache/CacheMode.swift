/// How the crawl uses stored responses (`--cache-mode`).
///
/// A plain value; `Sendable`. The policy for each mode is in ``HTTPCachePolicy/decide(stored:requestHeaders:now:)``.
public enum CacheMode: String, Sendable, Hashable, CaseIterable {
    /// Use any stored response whatever its age, unless it is older than the policy's `maxAge`;
    /// fetch only what is not stored. Trawl's behaviour before HTTP caching existed.
    case prefer
    /// Follow RFC 9111 for a private cache: fresh responses are used, stale ones revalidated.
    case http
    /// Revalidate every stored response that has a validator, fetch the others.
    case refresh
    /// Never touch the network: use what is stored, even stale, or report a miss.
    case offline
}
