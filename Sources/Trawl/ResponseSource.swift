import Foundation
import Logging
import TrawlCore
import TrawlHTTPCache
import TrawlURL

/// Where the engine's responses come from: the cache or the network, as the crawl's
/// ``HTTPCachePolicy`` decides (`--cache-mode`, `--max-age`). The one implementation of the
/// cache policy: the page pipeline and ``RobotsFetcher`` both read through it, so both count,
/// revalidate and store responses the same way.
///
/// A plain value of `Sendable` references: safe to copy into any task.
struct ResponseSource: Sendable {
    /// How the cache is used: the policy, the request headers compared for `Vary`, the clock.
    struct Settings: Sendable {
        /// The default `prefer` mode serves any stored response, which is Trawl's behaviour
        /// before HTTP caching existed.
        var policy = HTTPCachePolicy(mode: .prefer)
        /// The header fields Trawl sends with every request that a response may `Vary` on
        /// (`User-Agent`, `Accept-Encoding`). They are constant for a crawl and not stored with
        /// the response, so they are passed both as the new request's headers and as the stored
        /// request's: `Vary` on them matches within a crawl, and only `Vary: *` never does.
        var requestHeaders: HTTPHeaders = []
        /// The clock ages and freshness are measured on; the stored `fetchedAt` of every network
        /// response is stamped with it too, so both ends of an age come from one clock.
        var now: @Sendable () -> Date = { Date() }
    }

    let fetcher: any Fetcher
    let store: any CrawlStore
    let statistics: StatisticsRecorder
    let logger: Logger
    var settings = Settings()
    /// Awaited before each network request with the URL's host: the frontier's send gate, which
    /// holds the request until the host's delay has passed on the clock the server sees.
    var beforeSend: (@Sendable (String) async -> Void)?

    enum Lookup {
        /// A usable response; `fromNetwork` is false for a cache hit (true after a 304).
        case response(Response, fromNetwork: Bool)
        /// A response whose status says "try again later" (408, 429, 5xx): not cached.
        case transient(Response)
        /// A network failure, or ``TrawlCore/FailureReason/Code/notInCache`` offline.
        case failed(FailureReason)
    }

    /// The response for `url` under the crawl's policy.
    func cachedOrFetched(_ url: String) async throws -> Lookup {
        try await lookUp(url, policy: settings.policy)
    }

    /// The response for `url` under `policy`: the stored one, a revalidated one (a 304 freshens
    /// and re-stores the stored response, body kept), or a new one from the network, stored when
    /// the policy allows. Offline, a URL with nothing usable stored fails as not in the cache,
    /// without touching the network.
    func lookUp(_ url: String, policy: HTTPCachePolicy) async throws -> Lookup {
        let cached = try await store.cachedResponse(forKey: url)
        let stored = cached.map { StoredResponseMeta(response: $0, requestHeaders: settings.requestHeaders) }
        let decision = policy.decide(stored: stored, requestHeaders: settings.requestHeaders, now: settings.now())
        switch (decision, cached) {
        case (.useStored, let hit?):
            countCacheHit(hit, url: url)
            return .response(hit, fromNetwork: false)
        case (.miss, _):
            statistics.update { $0.cache.record(.missed) }
            logger.debug("not in the cache", metadata: ["trawl.url": "\(url)"])
            return .failed(FailureReason(.notInCache, "offline"))
        case (.revalidate(let conditions), let stale?):
            return try await fetched(url, policy: policy, revalidating: (stored: stale, conditions: conditions))
        case (.fetch, _), (.useStored, nil), (.revalidate, nil):
            return try await fetched(url, policy: policy, revalidating: nil)
        }
    }

    /// Counts a stored response used without contacting the server.
    func countCacheHit(_ cached: Response, url: String) {
        statistics.update {
            $0.fromCache += 1
            $0.bytesFromCache += cached.body.count
            $0.cache.record(.servedFromCache)
        }
        logger.trace("cache hit", metadata: ["trawl.url": "\(url)"])
    }
}
