import Testing

@testable import TrawlStore

/// The reader's bounded LRU of decompressed packs, driven directly.
@Suite struct PackCacheTests {
    @Test("the cache never holds more packs than its capacity and evicts the least recently used")
    func boundAndEviction() {
        var cache = PackCache(capacity: 3)
        for id in Int64(1)...3 { cache.insert([UInt8(id)], forPack: id) }
        #expect(cache.bytes(ofPack: 1) == [1])  // 1 is now the most recent
        cache.insert([4], forPack: 4)
        #expect(cache.entries.count == 3)
        #expect(cache.bytes(ofPack: 2) == nil)
        #expect(cache.entries.map(\.id) == [3, 1, 4])
        for id in Int64(5)...50 { cache.insert([], forPack: id) }
        #expect(cache.entries.map(\.id) == [48, 49, 50])
    }

    @Test("inserting a pack again replaces it instead of holding it twice")
    func reinsert() {
        var cache = PackCache(capacity: 2)
        cache.insert([1], forPack: 7)
        cache.insert([2], forPack: 7)
        #expect(cache.entries.count == 1)
        #expect(cache.bytes(ofPack: 7) == [2])
    }
}
