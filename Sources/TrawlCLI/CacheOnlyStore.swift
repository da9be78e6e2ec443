import TrawlCore

/// A cache opened read-only, for `trawl extract`: lookups go to `base`, writes are dropped.
///
/// The offline crawl records its `not-in-cache` misses as failures like any other; they belong
/// in the summary, not in the cache, which must read the same before and after an extract (and
/// may be in use by a crawl writing it). Thread-safe as `base` is.
struct CacheOnlyStore: CrawlStore {
    let base: any CrawlStore

    func cachedResponse(forKey key: String) async throws -> Response? {
        try await base.cachedResponse(forKey: key)
    }

    func store(_ response: Response, key: String) async throws {}

    func recordFailure(_ reason: FailureReason, key: String, url: String) async throws {}

    func flush() async throws {}

    func close() async throws {
        try await base.close()
    }
}
