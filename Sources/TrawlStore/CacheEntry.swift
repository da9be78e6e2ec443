import Foundation

/// One cached response without its headers or body: what listing the cache reads.
public struct CacheEntry: Sendable, Hashable {
    /// The cache key: the canonical URL the crawler requested.
    public var key: String
    /// The URL as requested, and where redirects ended.
    public var requestedURL: String
    public var finalURL: String
    public var status: Int
    /// The lowercased host of the requested URL, without port.
    public var host: String
    /// The stored (decoded) body's size in bytes.
    public var bodyLength: Int64
    public var fetchedAt: Date
    /// When a 304 last freshened the entry; nil when its last response was a full one.
    public var revalidatedAt: Date?
    /// When the stored body was received: `fetchedAt`, or earlier for a revalidated entry.
    public var bodyFetchedAt: Date

    public init(
        key: String, requestedURL: String, finalURL: String, status: Int, host: String, bodyLength: Int64,
        fetchedAt: Date, revalidatedAt: Date? = nil, bodyFetchedAt: Date? = nil
    ) {
        self.key = key
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.status = status
        self.host = host
        self.bodyLength = bodyLength
        self.fetchedAt = fetchedAt
        self.revalidatedAt = revalidatedAt
        self.bodyFetchedAt = bodyFetchedAt ?? fetchedAt
    }
}
