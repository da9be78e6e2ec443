import Logging
import TrawlCore
import TrawlURL

/// Where the engine's responses come from: the cache first, else the network, every network
/// response stored. Shared by the page pipeline and ``RobotsFetcher`` so that both count and
/// cache responses the same way.
///
/// A plain value of `Sendable` references: safe to copy into any task.
struct ResponseSource: Sendable {
    let fetcher: any Fetcher
    let store: any CrawlStore
    let statistics: StatisticsRecorder
    let logger: Logger
    /// Awaited before each network request with the URL's host: the frontier's send gate, which
    /// holds the request until the host's delay has passed on the clock the server sees.
    var beforeSend: (@Sendable (String) async -> Void)?

    enum Lookup {
        /// A usable response; `fromNetwork` is false for a cache hit.
        case response(Response, fromNetwork: Bool)
        /// A response whose status says "try again later" (408, 429, 5xx): not cached.
        case transient(Response)
        case failed(FailureReason)
    }

    /// The cached response for `url`, or a fresh one stored in the cache.
    ///
    /// Responses with a transient status are not stored, so that a retry, or the next run after
    /// the retries ran out, asks the server again instead of replaying the error.
    func cachedOrFetched(_ url: String) async throws -> Lookup {
        if let cached = try await store.cachedResponse(forKey: url) {
            countCacheHit(cached, url: url)
            return .response(cached, fromNetwork: false)
        }
        return try await fetched(url)
    }

    /// A fresh response for `url` from the network, stored unless its status is transient.
    func fetched(_ url: String) async throws -> Lookup {
        if let beforeSend, let hostKey = try? WebURL(url).hostKey { await beforeSend(hostKey) }
        switch await fetcher.fetch(FetchRequest(url: url)) {
        case .failed(let reason):
            return .failed(reason)
        case .response(let response):
            statistics.update {
                $0.fetched += 1
                $0.bytesFetched += response.body.count
            }
            if RetryAfter.transientStatuses.contains(response.status) { return .transient(response) }
            try await store.store(response, key: url)
            return .response(response, fromNetwork: true)
        }
    }

    func countCacheHit(_ cached: Response, url: String) {
        statistics.update {
            $0.fromCache += 1
            $0.bytesFromCache += cached.body.count
        }
        logger.trace("cache hit", metadata: ["trawl.url": "\(url)"])
    }
}
