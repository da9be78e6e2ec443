import Foundation
import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlStore

/// What the shared contract suite needs from one `CrawlStore` implementation.
///
/// A future PostgreSQL store adds a harness and a ``StoreKind``; the contract cases stay as they are.
protocol CrawlStoreHarness: Sendable {
    /// Opens the store under test; called again after `close()` to reopen the same data.
    func openStore() async throws -> any CrawlStore
    /// Damages the committed entry for `key` behind the store's back (wrong-typed columns).
    func corruptEntry(forKey key: String) async throws
    /// Damages the stored body of `key` behind the store's back (for SQLite: its zstd pack).
    func corruptBody(forKey key: String) async throws
    /// How many failures `store` holds, read by implementation-specific means.
    func failureCount(in store: any CrawlStore) async throws -> Int
    /// Deletes everything the harness created.
    func cleanUp()
}

/// One implementation the contract suite runs against.
struct StoreKind: Sendable, CustomTestStringConvertible {
    let name: String
    let makeHarness: @Sendable () throws -> any CrawlStoreHarness

    var testDescription: String { name }

    static let all: [StoreKind] = [
        StoreKind(name: "SQLite") { try SQLiteHarness(batchSize: 256) },
        StoreKind(name: "SQLite, batches of 4") { try SQLiteHarness(batchSize: 4) },
    ]
}

/// Runs `body` with a fresh harness of `kind`, cleaning up afterwards.
func withHarness(
    _ kind: StoreKind, _ body: (any CrawlStoreHarness) async throws -> Void
) async throws {
    let harness = try kind.makeHarness()
    defer { harness.cleanUp() }
    try await body(harness)
}

/// A ``SQLiteCrawlStore`` in a temporary folder.
struct SQLiteHarness: CrawlStoreHarness {
    let folder: TemporaryFolder
    let batchSize: Int

    init(batchSize: Int) throws {
        folder = try TemporaryFolder()
        self.batchSize = batchSize
    }

    var path: String { folder.path("cache/trawl.sqlite") }

    func openStore() async throws -> any CrawlStore {
        try SQLiteCrawlStore(path: path, batchSize: batchSize)
    }

    func corruptEntry(forKey key: String) async throws {
        let connection = try SQLiteConnection(path: path, create: false)
        try connection.setBusyTimeout(milliseconds: 2_000)
        let update = try connection.prepare(
            "UPDATE responses SET status = 'two hundred', body_hash = 42, fetched_at = 'yesterday' WHERE key = ?1")
        try update.bind(key, at: 1)
        _ = try update.step()
    }

    func corruptBody(forKey key: String) async throws {
        let connection = try SQLiteConnection(path: path, create: false)
        try connection.setBusyTimeout(milliseconds: 2_000)
        // Flips bytes in the middle of the frame, keeping its length: the checksum must notice.
        let update = try connection.prepare(
            """
            UPDATE packs SET data = substr(data, 1, length(data) / 2) || zeroblob(8)
                || substr(data, length(data) / 2 + 9)
            WHERE id = (SELECT b.pack_id FROM responses r JOIN blobs b ON b.hash = r.body_hash WHERE r.key = ?1)
            """)
        try update.bind(key, at: 1)
        _ = try update.step()
    }

    func failureCount(in store: any CrawlStore) async throws -> Int {
        guard let store = store as? SQLiteCrawlStore else { return -1 }
        return try await store.statistics().failures
    }

    func cleanUp() {
        folder.remove()
    }
}
