import TrawlCore

/// The fetcher of `trawl extract`: it never touches the network, so every URL the cache does
/// not hold fails with `not-in-cache` (not transient, so never retried) and the crawl goes on.
struct OfflineFetcher: Fetcher {
    func fetch(_ request: FetchRequest) async -> FetchOutcome {
        .failed(FailureReason(.notInCache, request.url))
    }
}
