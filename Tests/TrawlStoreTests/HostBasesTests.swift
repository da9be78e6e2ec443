import Foundation
import Logging
import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlStore

/// Base packs: a host's first bodies merged into its base, later packs compressed against it,
/// reads through the base, deletion and compaction that never strand a dependent pack.
@Suite struct HostBasesTests {
    typealias Fixture = SQLiteCrawlStoreTests
    typealias Pages = PackStorageTests

    /// Small limits so that a test's few dozen pages make bases: 8 KiB of a host's packs merge.
    static let limits = PackWriter.Limits(bodies: 4, bytes: 64 << 10, baseBytes: 8 << 10)

    /// A writer on a fresh cache at `path` with ``limits``.
    static func writer(_ path: String) throws -> CacheWriter {
        let connection = try SQLiteConnection(path: path)
        let logger = Logger(label: "test")
        try CacheSchema.prepare(connection, logger: logger)
        return try CacheWriter(connection: connection, logger: logger, damaged: DamagedPacks(), packLimits: limits)
    }

    /// Writes pages 0..<count of hosts a.test and b.test, interleaved, four rows per batch.
    static func fill(_ writer: CacheWriter, count: Int) throws -> [String: Response] {
        var stored: [String: Response] = [:]
        var batch = WriteBatch(id: 0)
        for index in 0..<count {
            for host in ["a.test", "b.test"] {
                let url = "http://\(host)/\(index)"
                let response = Pages.response(url, body: Pages.page(index) + Array(host.utf8))
                batch.store(response, forKey: url)
                stored[url] = response
            }
            if batch.count >= 4 {
                try writer.commit(batch)
                batch = WriteBatch(id: 0)
            }
        }
        try writer.commit(batch)
        return stored
    }

    static func reader(_ path: String) throws -> CacheReader {
        try CacheReader(
            connection: try SQLiteConnection(path: path, create: false), logger: Logger(label: "test"),
            damaged: DamagedPacks())
    }

    @Test("each host's first packs merge into its base, and its later packs compress against it", .timeLimit(.minutes(1)))
    func basesForm() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("trawl.sqlite")
        let writer = try Self.writer(path)
        let stored = try Self.fill(writer, count: 40)
        let connection = writer.connection
        #expect(try connection.integer("SELECT count(*) FROM pack_bases") == 2)
        #expect(try connection.integer("SELECT count(DISTINCT base_id) FROM packs") == 2)
        // Every base holds at least the base size, and is itself standalone.
        #expect(
            try connection.integer(
                "SELECT count(*) FROM packs p JOIN pack_bases b ON b.pack_id = p.id WHERE p.raw_bytes >= 8192 AND p.base_id IS NULL")
                == 2)
        let dependent = try #require(try connection.integer("SELECT count(*) FROM packs WHERE base_id IS NOT NULL"))
        #expect(dependent > 10)

        let reader = try Self.reader(path)
        for (key, response) in stored {
            #expect(try reader.response(forKey: key) == response)
        }
        // A dependent pack is far smaller than the same bytes compressed alone.
        let id = try #require(try connection.integer("SELECT max(id) FROM packs WHERE base_id IS NOT NULL"))
        let bytes = try #require(try reader.packBytes(id))
        let stand = try ZstdCompressor().compress(bytes)
        let storedBytes = try #require(try connection.integer("SELECT stored_bytes FROM packs WHERE id = \(id)"))
        #expect(storedBytes * 2 < Int64(stand.count))
    }

    @Test("removing every response deletes the dependent packs, then the bases", .timeLimit(.minutes(1)))
    func removal() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("trawl.sqlite")
        let writer = try Self.writer(path)
        let stored = try Self.fill(writer, count: 30)
        let connection = writer.connection
        // The bases' own bodies go first: the bases stay for their dependents.
        let baseKeys = try connection.integer(
            """
            SELECT count(*) FROM responses r JOIN blobs b ON b.hash = r.body_hash
            WHERE b.pack_id IN (SELECT pack_id FROM pack_bases)
            """)
        #expect((baseKeys ?? 0) > 0)
        try connection.execute(
            "DELETE FROM responses WHERE body_hash IN (SELECT hash FROM blobs WHERE pack_id IN (SELECT pack_id FROM pack_bases))")
        #expect(try connection.integer("SELECT count(*) FROM pack_bases") == 2)
        let reader = try Self.reader(path)
        let remaining = try connection.prepare("SELECT key FROM responses")
        while try remaining.step() {
            let key = try #require(remaining.text(at: 0))
            #expect(try reader.response(forKey: key) == stored[key])
        }
        try connection.execute("DELETE FROM responses")
        #expect(try connection.integer("SELECT count(*) FROM packs") == 0)
        #expect(try connection.integer("SELECT count(*) FROM pack_bases") == 0)
        #expect(try connection.integer("SELECT count(*) FROM blobs") == 0)
    }

    @Test("compaction rewrites dependent packs with dead bodies and keeps the bases they need", .timeLimit(.minutes(1)))
    func compaction() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("trawl.sqlite")
        let writer = try Self.writer(path)
        var stored = try Self.fill(writer, count: 30)
        let connection = writer.connection
        for index in stride(from: 0, to: 30, by: 3) {
            for host in ["a.test", "b.test"] {
                let key = "http://\(host)/\(index)"
                try connection.execute("DELETE FROM responses WHERE key = '\(key)'")
                stored[key] = nil
            }
        }
        let report = try writer.compact()
        #expect(report.packsRewritten > 0)
        #expect(report.storedBytesAfter < report.storedBytesBefore)
        let reader = try Self.reader(path)
        for (key, response) in stored {
            #expect(try reader.response(forKey: key) == response)
        }
        #expect(try connection.integer("SELECT count(*) FROM packs p WHERE base_id IS NOT NULL AND base_id NOT IN (SELECT id FROM packs)") == 0)
    }

    @Test("a schema-2 cache made by an earlier Trawl is migrated with every response, and grows bases after", .timeLimit(.minutes(1)))
    func migratesSchema2() async throws {
        try await Fixture.withCachePath { _, path in
            let source = try #require(
                Bundle.module.url(forResource: "schema2-demo", withExtension: "sqlite", subdirectory: "Fixtures"))
            try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: path))
            #expect(try SQLiteConnection(path: path, create: false).integer("PRAGMA user_version") == 2)

            let store = try SQLiteCrawlStore(path: path)
            for index in 1...6 {
                let page = try #require(try await store.cachedResponse(forKey: "http://127.0.0.1:18471/a/\(index).html"))
                let expected = "<html><head><title>Page \(index)</title></head><body><h1>Page \(index)</h1>"
                    + "<a href=\"/a/\(index + 1).html\">next</a> <a href=\"/a/1.html\">first</a>"
                    + "<p>Shared template text for the fixture site.</p></body></html>\n"
                #expect(page.status == 200)
                #expect(String(decoding: page.body, as: UTF8.self) == expected)
            }
            #expect(try await store.cachedResponse(forKey: "http://127.0.0.1:18471/a/7.html")?.status == 404)
            #expect(try await store.statistics().responses == 10)
            let big = (0..<2_000).map { Pages.response("http://127.0.0.1:18471/n/\($0)", body: Pages.page($0)) }
            for response in big { try await store.store(response, key: response.requestedURL) }
            try await store.close()

            let connection = try SQLiteConnection(path: path, create: false)
            #expect(try connection.integer("PRAGMA user_version") == CacheSchema.currentVersion)
            #expect(try connection.integer("SELECT count(*) FROM pack_bases") == 1)
            let reopened = try SQLiteCrawlStore(path: path, readOnly: true)
            for response in big.prefix(300) {
                #expect(try await reopened.cachedResponse(forKey: response.requestedURL) == response)
            }
            #expect(try await reopened.cachedResponse(forKey: "http://127.0.0.1:18471/")?.status == 200)
            try await reopened.close()
        }
    }
}
