import TrawlCore

/// The position of one ``SQLiteCrawlStore/scanResponses(batchSize:including:)``: the listed row
/// ids, how far the batches have got, and the batch being read ahead.
actor ResponseScanCursor {
    private let reader: DatabaseQueue<CacheReader>
    private let batchSize: Int
    private let including: @Sendable (String, Int) -> Bool
    private var rowIDs: [Int64]?
    private var position = 0
    private var readAhead: Task<[Response], any Error>?

    init(reader: DatabaseQueue<CacheReader>, batchSize: Int, including: @escaping @Sendable (String, Int) -> Bool) {
        self.reader = reader
        self.batchSize = batchSize
        self.including = including
    }

    /// The next non-empty batch, or nil at the end.
    func next() async throws -> [Response]? {
        if rowIDs == nil {
            let including = including
            rowIDs = try await reader.run { reader throws(StoreError) in try reader.scanListing(including: including) }
        }
        while true {
            let current = readAhead ?? startBatch()
            readAhead = nil
            guard let current else { return nil }
            let batch = try await current.value
            readAhead = startBatch()
            if !batch.isEmpty { return batch }
        }
    }

    /// Starts reading the next batch on the reader queue; nil when every row id is taken.
    private func startBatch() -> Task<[Response], any Error>? {
        guard let rowIDs, position < rowIDs.count else { return nil }
        let ids = Array(rowIDs[position..<min(position + batchSize, rowIDs.count)])
        position += ids.count
        let reader = reader
        return Task {
            try await reader.run { reader throws(StoreError) in try reader.responses(rowIDs: ids) }
        }
    }
}
