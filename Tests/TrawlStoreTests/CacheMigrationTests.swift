import Foundation
import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlStore

/// Opening caches of other schema versions: the foundation-era fixture is migrated in place,
/// a newer cache is refused naming the Trawl that wrote it.
@Suite struct CacheMigrationTests {
    typealias Fixture = SQLiteCrawlStoreTests

    /// Copies the checked-in schema-1 cache to `path`; the original is never opened.
    static func copyFixture(to path: String) throws {
        let source = try #require(
            Bundle.module.url(forResource: "foundation-v1", withExtension: "sqlite", subdirectory: "Fixtures"))
        try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: path))
    }

    @Test("a foundation-era cache is migrated in place with every response and failure intact", .timeLimit(.minutes(1)))
    func migratesFoundationCache() async throws {
        try await Fixture.withCachePath { _, path in
            try Self.copyFixture(to: path)
            let before = try SQLiteConnection(path: path, create: false)
            #expect(try before.integer("PRAGMA user_version") == 1)

            let store = try SQLiteCrawlStore(path: path)
            for (key, response) in FoundationCacheFixture.responses {
                #expect(try await store.cachedResponse(forKey: key) == response)
            }
            let statistics = try await store.statistics()
            #expect(statistics.responses == FoundationCacheFixture.responses.count)
            #expect(statistics.failures == 2)
            #expect(statistics.uniqueBodies == 3)  // two URLs share the page
            #expect(statistics.hosts == 2)
            #expect(statistics.statusCounts == [200: 2, 301: 1, 404: 1])
            try await store.close()

            let connection = try SQLiteConnection(path: path, create: false)
            #expect(try connection.integer("PRAGMA user_version") == CacheSchema.currentVersion)
            #expect(try connection.text("SELECT value FROM meta WHERE key = 'trawl_version'") == TrawlVersion.current)
            #expect(try connection.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'responses_v1'") == 0)
            #expect(try connection.integer("SELECT attempts FROM failures WHERE key = 'http://fixture.test/down'") == 2)
            #expect(try connection.text("SELECT code FROM failures WHERE key = 'http://fixture.test/down'") == "timeout")

            let reopened = try SQLiteCrawlStore(path: path, readOnly: true)
            for (key, response) in FoundationCacheFixture.responses {
                #expect(try await reopened.cachedResponse(forKey: key) == response)
            }
            try await reopened.close()
        }
    }

    @Test("a read-only open of a cache that needs migrating is refused and leaves it as it was", .timeLimit(.minutes(1)))
    func readOnlyOldCache() async throws {
        try await Fixture.withCachePath { _, path in
            try Self.copyFixture(to: path)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let error = #expect(throws: StoreError.self) { _ = try SQLiteCrawlStore(path: path, readOnly: true) }
            #expect(error?.code == .olderVersion)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
    }

    @Test("a cache from a newer schema is refused with the version of Trawl that made it", .timeLimit(.minutes(1)))
    func newerSchemaNamesWriter() async throws {
        try await Fixture.withCachePath { _, path in
            try await SQLiteCrawlStore(path: path).close()
            do {
                let connection = try SQLiteConnection(path: path)
                try connection.execute("PRAGMA user_version=7")
                try connection.execute("UPDATE meta SET value = '9.9.9' WHERE key = 'trawl_version'")
            }
            let error = try #require(Fixture.openError(path))
            #expect(error.code == .newerVersion)
            #expect(error.description.contains("schema version 7 made by Trawl 9.9.9"))
            #expect(error.description.contains("knows up to schema \(CacheSchema.currentVersion)"))
            #expect(!error.description.contains("\n"))
        }
    }
}
