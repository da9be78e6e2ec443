import TrawlCore

extension SQLiteCrawlStore {
    /// Every committed response the filter admits, in batches, for work over the whole cache
    /// (`trawl extract --all`).
    ///
    /// The first pull lists the responses (row ids, URLs and statuses only, no bodies) in the
    /// order their bodies sit in the packs, so each pack is decompressed once however large the
    /// cache; later pulls read `batchSize` responses with their bodies. While the caller works on
    /// one batch the next is already being read on the reader queue, so reading and processing
    /// overlap. Each committed response is yielded exactly once; one whose row is malformed or
    /// whose pack is damaged is skipped (a miss, as for a lookup), and so is one deleted between
    /// the listing and its batch. Responses still in the write buffer are not seen: call
    /// ``flush()`` first to include them.
    ///
    /// - Parameters:
    ///   - batchSize: responses per batch (at least 1); a pack holds up to 256 bodies.
    ///   - including: decides from a response's final URL and status whether it is read at all;
    ///     called on the reader queue, so it must be cheap and must not block.
    /// - Returns: a stream that reads nothing until iterated; it throws a ``StoreError`` when the
    ///   database cannot be read. Iterate it from one task.
    public func scanResponses(
        batchSize: Int = 256,
        including: @escaping @Sendable (_ finalURL: String, _ status: Int) -> Bool = { _, _ in true }
    ) -> AsyncThrowingStream<[Response], any Error> {
        let cursor = ResponseScanCursor(reader: reader, batchSize: max(1, batchSize), including: including)
        return AsyncThrowingStream(unfolding: { try await cursor.next() })
    }
}
