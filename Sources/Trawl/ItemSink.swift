import TrawlCore

/// Where items go. Called from many workers at once; implementations serialize writes.
public protocol ItemSink: Sendable {
    /// Writes one item. Throwing stops the crawl (the output is unusable).
    func write(_ item: Item) async throws
    /// Writes anything buffered and releases the output.
    func close() async throws

    /// `item` as the output will hold it (a sink may drop fields meant for itself alone): what a
    /// durable crawl records in its job, so that the output and the records agree.
    func written(_ item: Item) -> Item

    /// Writes `item`; `jsonLine` is the ``Item/jsonLine`` of ``written(_:)``, already encoded for
    /// the job's record, which a JSON-lines writer uses instead of encoding again.
    func write(_ item: Item, jsonLine: String) async throws
}

extension ItemSink {
    public func written(_ item: Item) -> Item { item }

    public func write(_ item: Item, jsonLine: String) async throws {
        try await write(item)
    }
}
