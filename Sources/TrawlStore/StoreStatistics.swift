import Foundation

/// Counts and sizes of a cache, as ``SQLiteCrawlStore/statistics()`` reads them after a flush.
///
/// Read from metadata columns only: computing them never reads or decompresses a body.
public struct StoreStatistics: Sendable, Hashable {
    /// Stored responses, one per key.
    public var responses: Int
    /// Recorded failures, one per key.
    public var failures: Int
    /// The summed size of all stored bodies as fetched, counting a shared body once per response.
    public var bodyBytes: Int64
    /// The size on disk: the database file plus its write-ahead log.
    public var fileBytes: Int64
    /// Distinct hosts among the responses' requested URLs.
    public var hosts: Int
    /// Responses per HTTP status.
    public var statusCounts: [Int: Int]
    /// Distinct bodies, after deduplication by content.
    public var uniqueBodies: Int
    /// The summed size of the distinct bodies, uncompressed.
    public var uniqueBodyBytes: Int64
    /// The summed size of the compressed packs holding them: what bodies cost on disk.
    public var storedBodyBytes: Int64
    /// Packs (zstd frames) in the cache.
    public var packs: Int
    /// The earliest and latest `fetchedAt` among the responses; nil when there are none.
    public var oldestFetch: Date?
    public var newestFetch: Date?

    public init(
        responses: Int, failures: Int, bodyBytes: Int64, fileBytes: Int64, hosts: Int = 0,
        statusCounts: [Int: Int] = [:], uniqueBodies: Int = 0, uniqueBodyBytes: Int64 = 0,
        storedBodyBytes: Int64 = 0, packs: Int = 0, oldestFetch: Date? = nil, newestFetch: Date? = nil
    ) {
        self.responses = responses
        self.failures = failures
        self.bodyBytes = bodyBytes
        self.fileBytes = fileBytes
        self.hosts = hosts
        self.statusCounts = statusCounts
        self.uniqueBodies = uniqueBodies
        self.uniqueBodyBytes = uniqueBodyBytes
        self.storedBodyBytes = storedBodyBytes
        self.packs = packs
        self.oldestFetch = oldestFetch
        self.newestFetch = newestFetch
    }
}
