import Foundation
import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlStore

/// `scanResponses`: the whole cache in batches, each response once, each pack decompressed once.
@Suite(.timeLimit(.minutes(1))) struct SQLiteCrawlStoreScanTests {
    typealias Fixture = SQLiteCrawlStoreTests
    typealias Packs = PackStorageTests

    /// Stores `count` pages under `k0`…, every seventh with status 404, plus one body shared by
    /// two keys, and closes the store.
    static func fill(_ path: String, count: Int) async throws -> [String: Response] {
        let store = try SQLiteCrawlStore(path: path, batchSize: 64)
        var stored: [String: Response] = [:]
        for index in 0..<count {
            let response = Packs.response(
                "http://s.test/\(index)", body: Packs.page(index), status: index % 7 == 3 ? 404 : 200)
            try await store.store(response, key: "k\(index)")
            stored["k\(index)"] = response
        }
        let shared = Packs.response("http://s.test/copy", body: Packs.page(0))
        try await store.store(shared, key: "copy")
        stored["copy"] = shared
        try await store.close()
        return stored
    }

    static func collect(
        _ store: SQLiteCrawlStore, batchSize: Int,
        including: @escaping @Sendable (String, Int) -> Bool = { _, _ in true }
    ) async throws -> [[Response]] {
        var batches: [[Response]] = []
        for try await batch in store.scanResponses(batchSize: batchSize, including: including) { batches.append(batch) }
        return batches
    }

    @Test("batches of at most batchSize cover every stored response exactly once, bodies intact, each pack decompressed once")
    func coversEveryEntryOnce() async throws {
        try await Fixture.withCachePath { _, path in
            let stored = try await Self.fill(path, count: 700)
            let store = try SQLiteCrawlStore(path: path, readOnly: true)
            let batches = try await Self.collect(store, batchSize: 50)
            #expect(batches.allSatisfy { !$0.isEmpty && $0.count <= 50 })
            let scanned = batches.flatMap { $0 }
            #expect(scanned.count == stored.count)
            #expect(Set(scanned.map(\.requestedURL)) == Set(stored.values.map(\.requestedURL)))
            #expect(Set(scanned) == Set(stored.values))
            let packs = try await store.statistics().packs
            #expect(packs > 1)
            #expect(try await store.reader.run { $0.decompressions } == packs)
            try await store.close()
        }
    }

    @Test("the filter sees each final URL and status, and only admitted responses are read")
    func filterByURLAndStatus() async throws {
        try await Fixture.withCachePath { _, path in
            let stored = try await Self.fill(path, count: 100)
            let store = try SQLiteCrawlStore(path: path, readOnly: true)
            let ok = try await Self.collect(store, batchSize: 1000) { _, status in status == 200 }.flatMap { $0 }
            #expect(ok.count == stored.values.filter { $0.status == 200 }.count)
            #expect(ok.allSatisfy { $0.status == 200 })
            let ones = try await Self.collect(store, batchSize: 7) { url, _ in url.hasSuffix("/1") }.flatMap { $0 }
            #expect(ones.map(\.finalURL) == ["http://s.test/1"])
            try await store.close()
        }
    }

    @Test("an empty cache yields no batch at all")
    func emptyCache() async throws {
        try await Fixture.withCachePath { _, path in
            try await SQLiteCrawlStore(path: path).close()
            let store = try SQLiteCrawlStore(path: path, readOnly: true)
            #expect(try await Self.collect(store, batchSize: 10).isEmpty)
            try await store.close()
        }
    }
}
