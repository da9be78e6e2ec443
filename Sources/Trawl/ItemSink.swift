import TrawlCore

/// Where items go. Called from many workers at once; implementations serialize writes.
public protocol ItemSink: Sendable {
    /// Writes one item. Throwing stops the crawl (the output is unusable).
    func write(_ item: Item) async throws
    /// Writes anything buffered and releases the output.
    func close() async throws
}
