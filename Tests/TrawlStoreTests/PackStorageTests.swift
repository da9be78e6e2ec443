import Foundation
import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlStore

/// Bodies in deduplicated zstd packs: round trips, sharing, the reader's pack cache, compaction.
@Suite struct PackStorageTests {
    typealias Fixture = SQLiteCrawlStoreTests

    /// A page of a templated site: the shape the packs are designed for.
    static func page(_ index: Int) -> [UInt8] {
        let items = (0..<20).map { "<li><a href=\"/p/\(index * 7 + $0)\">Item \($0) of page \(index)</a></li>" }
        return Array(
            """
            <!doctype html><html><head><title>Page \(index)</title><link rel="stylesheet" href="/site.css"></head>
            <body><nav><a href="/">Home</a> <a href="/about">About</a></nav><ul>\(items.joined())</ul>
            <footer>Same footer on every page of the site, copyright notice and links.</footer></body></html>
            """.utf8)
    }

    static func response(_ url: String, body: [UInt8], status: Int = 200) -> Response {
        Response(
            requestedURL: url, status: status, headers: [("Content-Type", "text/html")], body: body,
            fetchedAt: Date(timeIntervalSinceReferenceDate: 800_000_000), elapsed: 0.1)
    }

    static func random(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    @Test("many pages, an empty, an incompressible and a 5 MB body round-trip, before and after a reopen", .timeLimit(.minutes(1)))
    func roundTrip() async throws {
        try await Fixture.withCachePath { _, path in
            var responses: [(String, Response)] = (0..<300).map { ("k\($0)", Self.response("http://s.test/\($0)", body: Self.page($0))) }
            responses.append(("empty", Self.response("http://s.test/empty", body: [], status: 204)))
            responses.append(("random", Self.response("http://s.test/random", body: Self.random(200_000))))
            responses.append(("large", Self.response("http://s.test/large", body: Self.random(5 << 20))))
            let store = try SQLiteCrawlStore(path: path, batchSize: 64)
            for (key, response) in responses {
                try await store.store(response, key: key)
                #expect(try await store.cachedResponse(forKey: key) == response)
            }
            for (key, response) in responses {
                #expect(try await store.cachedResponse(forKey: key) == response)
            }
            try await store.close()
            let reopened = try SQLiteCrawlStore(path: path)
            for (key, response) in responses.reversed() {
                #expect(try await reopened.cachedResponse(forKey: key) == response)
            }
            let statistics = try await reopened.statistics()
            #expect(statistics.uniqueBodies == responses.count)
            #expect(statistics.packs >= 6)
            // The templated pages compress far better than each page alone would.
            let pageBytes = (0..<300).reduce(0) { $0 + Self.page($1).count }
            #expect(statistics.storedBodyBytes < Int64(pageBytes) / 5 + 5_500_000)
            try await reopened.close()
        }
    }

    @Test("two URLs with one body share one blob; the blob goes with its last reference", .timeLimit(.minutes(1)))
    func deduplication() async throws {
        try await Fixture.withCachePath { _, path in
            let body = Self.page(1)
            let store = try SQLiteCrawlStore(path: path)
            try await store.store(Self.response("http://a.test/", body: body), key: "a")
            try await store.store(Self.response("http://b.test/", body: body), key: "b")
            var statistics = try await store.statistics()
            #expect(statistics.uniqueBodies == 1)
            #expect(statistics.uniqueBodyBytes == Int64(body.count))
            #expect(statistics.bodyBytes == Int64(2 * body.count))
            #expect(statistics.hosts == 2)

            // Replacing one keeps the other readable.
            try await store.store(Self.response("http://a.test/", body: Self.page(2)), key: "a")
            statistics = try await store.statistics()
            #expect(statistics.uniqueBodies == 2)
            #expect(try await store.cachedResponse(forKey: "b") == Self.response("http://b.test/", body: body))
            // Storing the shared body again under a third key references the existing blob.
            try await store.store(Self.response("http://c.test/", body: body), key: "c")
            #expect(try await store.statistics().uniqueBodies == 2)
            try await store.close()

            // Removing entries (as a future CLI does, with plain SQL) releases blobs and packs.
            let connection = try SQLiteConnection(path: path, create: false)
            try connection.execute("DELETE FROM responses WHERE key = 'b'")
            #expect(
                try connection.integer("SELECT refs FROM blobs WHERE hash = (SELECT body_hash FROM responses WHERE key = 'c')")
                    == 1)
            let reader = try SQLiteCrawlStore(path: path, readOnly: true)
            #expect(try await reader.cachedResponse(forKey: "c") == Self.response("http://c.test/", body: body))
            try await reader.close()
            try connection.execute("DELETE FROM responses WHERE key = 'c'")
            #expect(try connection.integer("SELECT count(*) FROM blobs") == 1)
            try connection.execute("DELETE FROM responses")
            #expect(try connection.integer("SELECT count(*) FROM blobs") == 0)
            #expect(try connection.integer("SELECT count(*) FROM packs") == 0)
        }
    }

    @Test("a read right after a commit sees bodies of the batch just packed", .timeLimit(.minutes(1)))
    func readsAcrossCommits() async throws {
        try await Fixture.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path, batchSize: 3)
            for index in 0..<30 {
                let response = Self.response("http://s.test/\(index)", body: Self.page(index))
                try await store.store(response, key: "k\(index)")
                for earlier in Swift.max(0, index - 4)...index {
                    let expected = Self.response("http://s.test/\(earlier)", body: Self.page(earlier))
                    #expect(try await store.cachedResponse(forKey: "k\(earlier)") == expected)
                }
            }
            try await store.close()
        }
    }

    @Test("reading in crawl order decompresses each pack once and never holds more than its capacity", .timeLimit(.minutes(1)))
    func packCacheBound() async throws {
        try await Fixture.withCachePath { _, path in
            let writer = try SQLiteCrawlStore(path: path, batchSize: 4)
            for index in 0..<80 {
                try await writer.store(Self.response("http://s.test/\(index)", body: Self.page(index)), key: "k\(index)")
            }
            let packs = try await writer.statistics().packs
            #expect(packs == 20)
            try await writer.close()

            let store = try SQLiteCrawlStore(path: path)
            for index in 0..<80 {
                #expect(try await store.cachedResponse(forKey: "k\(index)")?.body == Self.page(index))
                let held = try await store.reader.run { $0.packs.entries.count }
                #expect(held <= CacheReader.packCacheCapacity)
            }
            #expect(try await store.reader.run { $0.decompressions } == packs)
            for index in (0..<80).reversed() {
                #expect(try await store.cachedResponse(forKey: "k\(index)")?.body == Self.page(index))
            }
            #expect(try await store.reader.run { $0.packs.entries.count } == CacheReader.packCacheCapacity)
            try await store.close()
        }
    }

    @Test("compaction rewrites partly dead packs; a wholly dead pack is deleted at once", .timeLimit(.minutes(1)))
    func compaction() async throws {
        try await Fixture.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path)
            let first = (0..<8).map { Self.response("http://s.test/\($0)", body: Self.page($0)) }
            for (index, response) in first.enumerated() { try await store.store(response, key: "k\(index)") }
            try await store.flush()
            try await store.store(Self.response("http://s.test/x", body: Self.page(100)), key: "x")
            try await store.flush()
            #expect(try await store.statistics().packs == 2)

            // Replace the only body of the second pack: the triggers delete that pack.
            try await store.store(Self.response("http://s.test/x", body: Self.page(101)), key: "x")
            // Replace half of the first pack: it becomes partly dead.
            var current = first
            for index in 0..<4 {
                current[index] = Self.response("http://s.test/\(index)", body: Self.page(200 + index))
                try await store.store(current[index], key: "k\(index)")
            }
            let before = try await store.statistics()
            #expect(before.packs == 2)  // the half-dead first pack, and the one the last batch wrote
            #expect(before.uniqueBodies == 9)

            let report = try await store.compact()
            #expect(report.packsRewritten == 1)
            #expect(report.packsDeleted == 0)
            #expect(report.storedBytesAfter < report.storedBytesBefore)
            let connection = try SQLiteConnection(path: path, create: false)
            // No dead bytes remain: the live bodies fill the packs exactly.
            #expect(
                try connection.integer("SELECT sum(raw_bytes) FROM packs")
                    == connection.integer("SELECT sum(length) FROM blobs"))
            for (index, response) in current.enumerated() {
                #expect(try await store.cachedResponse(forKey: "k\(index)") == response)
            }
            #expect(try await store.compact().packsRewritten == 0)
            try await store.close()
            let reopened = try SQLiteCrawlStore(path: path)
            for (index, response) in current.enumerated() {
                #expect(try await reopened.cachedResponse(forKey: "k\(index)") == response)
            }
            try await reopened.close()
        }
    }

    @Test("hosts are taken from the URL's authority, without user info or port")
    func hostOfURL() {
        #expect(CacheWriter.host(of: "https://User@Example.TEST:8080/a?b#c") == "example.test")
        #expect(CacheWriter.host(of: "http://[::1]:80/") == "[::1]")
        #expect(CacheWriter.host(of: "http://a.test?q") == "a.test")
        #expect(CacheWriter.host(of: "not a url") == "")
    }
}
