/// Counts and sizes of a cache, as ``SQLiteCrawlStore/statistics()`` reads them after a flush.
public struct StoreStatistics: Sendable, Hashable {
    /// Stored responses, one per key.
    public var responses: Int
    /// Recorded failures, one per key.
    public var failures: Int
    /// The summed size of all stored bodies.
    public var bodyBytes: Int64
    /// The size on disk: the database file plus its write-ahead log.
    public var fileBytes: Int64

    public init(responses: Int, failures: Int, bodyBytes: Int64, fileBytes: Int64) {
        self.responses = responses
        self.failures = failures
        self.bodyBytes = bodyBytes
        self.fileBytes = fileBytes
    }
}
