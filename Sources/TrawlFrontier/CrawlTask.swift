/// One URL the frontier hands out to be fetched.
public struct CrawlTask: Sendable, Hashable {
    /// The canonical URL (absolute, no fragment): the deduplication and cache key.
    public let url: String
    /// The politeness unit: per-host limits count tasks with equal `hostKey`.
    public let hostKey: String
    /// Link distance from the nearest seed; seeds are depth 0.
    public let depth: Int

    public init(url: String, hostKey: String, depth: Int) {
        self.url = url
        self.hostKey = hostKey
        self.depth = depth
    }
}
