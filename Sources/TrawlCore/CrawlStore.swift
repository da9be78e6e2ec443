/// Where responses and failures are kept, keyed by canonical URL.
///
/// SQLite is the embedded default (`SQLiteCrawlStore` in TrawlStore); a server database can
/// implement the same protocol later for crawls across several machines.
///
/// Contract:
/// - ``store(_:key:)`` and ``recordFailure(_:key:url:)`` may buffer; ``flush()`` makes everything
///   before it durable. ``close()`` flushes.
/// - ``cachedResponse(forKey:)`` sees everything stored before it, flushed or not.
/// - A corrupt entry is a miss (`nil`), never a crash.
/// - Methods throw only when the store itself is unusable (locked, corrupt, disk full).
public protocol CrawlStore: Sendable {
    /// The stored response for `key`, or nil.
    func cachedResponse(forKey key: String) async throws -> Response?

    /// Stores `response` under `key`, replacing any earlier response for it.
    func store(_ response: Response, key: String) async throws

    /// Stores `response`, a stored response freshened by a 304, under `key`; a store that keeps
    /// an archive (WARC revisit records) remembers the revalidation. The default just stores it.
    func storeRevalidated(_ response: Response, key: String) async throws

    /// Records that the page at `url` failed with `reason`.
    func recordFailure(_ reason: FailureReason, key: String, url: String) async throws

    /// Makes every earlier write durable.
    func flush() async throws

    /// Flushes and releases the store. Calls after close throw.
    func close() async throws
}

extension CrawlStore {
    public func storeRevalidated(_ response: Response, key: String) async throws {
        try await store(response, key: key)
    }
}
