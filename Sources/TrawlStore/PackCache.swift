/// A bounded least-recently-used set of decompressed packs, kept by the reader.
///
/// Packs are written in crawl order, so a warm crawl that reads in about the same order finds
/// the next body in a pack it just decompressed: each pack is decompressed about once. The
/// trade-off: a random read of one body costs a whole pack's decompression (up to
/// ``PackWriter/Limits/bytes`` plus one body, about a millisecond per MiB), and the bound costs
/// `capacity` packs of memory. Without the bound a long crawl would keep every body it read.
///
/// A plain value confined to the reader's queue; a handful of entries, so a linear scan is
/// cheaper than any index.
struct PackCache {
    /// How many packs stay decompressed.
    let capacity: Int
    /// Most recently used last.
    private(set) var entries: [(id: Int64, bytes: [UInt8])] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The bytes of pack `id` if held, which become the most recently used.
    mutating func bytes(ofPack id: Int64) -> [UInt8]? {
        guard let index = entries.firstIndex(where: { $0.id == id }) else { return nil }
        let entry = entries.remove(at: index)
        entries.append(entry)
        return entry.bytes
    }

    /// Holds `bytes` as pack `id`, evicting the least recently used pack beyond the capacity.
    mutating func insert(_ bytes: [UInt8], forPack id: Int64) {
        entries.removeAll { $0.id == id }
        entries.append((id, bytes))
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }
}
