import Foundation
import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlStore

/// SQLite-specific behaviour: file format, batching, refusing files that are not caches.
@Suite struct SQLiteCrawlStoreTests {
    static func response(_ index: Int, bodySize: Int = 16) -> Response {
        Response(
            requestedURL: "https://site.test/\(index)", status: 200, headers: [("X-Index", "\(index)")],
            body: Array(repeating: UInt8(index % 256), count: bodySize),
            fetchedAt: Date(timeIntervalSince1970: 1_700_000_000), elapsed: 0.5)
    }

    /// Runs `body` with a temporary folder and the path of a cache inside it.
    static func withCachePath(_ body: (TemporaryFolder, String) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await body(folder, folder.path("trawl.sqlite"))
    }

    static func openError(_ path: String) -> StoreError? {
        do {
            _ = try SQLiteCrawlStore(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test("a new cache is in WAL mode with Trawl's application id and schema version", .timeLimit(.minutes(1)))
    func walModeAndIdentity() async throws {
        try await Self.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path)
            let connection = try SQLiteConnection(path: path, create: false)
            #expect(try connection.text("PRAGMA journal_mode") == "wal")
            #expect(try connection.integer("PRAGMA application_id") == CacheSchema.applicationID)
            #expect(try connection.integer("PRAGMA user_version") == CacheSchema.currentVersion)
            try await store.close()
        }
    }

    @Test("1,000 stores then a flush lose nothing", .timeLimit(.minutes(1)))
    func thousandStores() async throws {
        try await Self.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path)
            for index in 0..<1_000 {
                try await store.store(Self.response(index), key: "k\(index)")
            }
            try await store.flush()
            let statistics = try await store.statistics()
            #expect(statistics.responses == 1_000)
            #expect(statistics.bodyBytes == 16_000)
            for index in stride(from: 0, to: 1_000, by: 37) {
                #expect(try await store.cachedResponse(forKey: "k\(index)") == Self.response(index))
            }
            try await store.close()
        }
    }

    @Test("backpressure with batches of 4 neither deadlocks nor loses writes", .timeLimit(.minutes(1)))
    func backpressure() async throws {
        try await Self.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path, batchSize: 4)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<8 {
                    group.addTask {
                        for index in 0..<125 {
                            let number = task * 125 + index
                            try await store.store(Self.response(number), key: "k\(number)")
                            if index % 25 == 0 { try await store.flush() }
                            if index % 10 == 0 {
                                try await store.recordFailure(FailureReason(.timeout), key: "f\(task)", url: "u")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let statistics = try await store.statistics()
            #expect(statistics.responses == 1_000)
            #expect(statistics.failures == 8)
            try await store.close()
        }
    }

    @Test("large bodies commit early and all land", .timeLimit(.minutes(1)))
    func largeBodies() async throws {
        try await Self.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path, batchSize: 1_000)
            for index in 0..<24 {
                try await store.store(Self.response(index, bodySize: 1 << 20), key: "k\(index)")
            }
            let statistics = try await store.statistics()
            #expect(statistics.responses == 24)
            #expect(statistics.bodyBytes == 24 << 20)
            // Each body is one repeated byte: the packs must hold far less than the bodies.
            #expect(statistics.storedBodyBytes > 0)
            #expect(statistics.storedBodyBytes < 1 << 20)
            #expect(statistics.uniqueBodies == 24)
            try await store.close()
        }
    }

    @Test("a store dropped without close still commits what it buffered", .timeLimit(.minutes(1)))
    func droppedStoreCommits() async throws {
        try await Self.withCachePath { _, path in
            var store: SQLiteCrawlStore? = try SQLiteCrawlStore(path: path)
            try await store?.store(Self.response(1), key: "k")
            store = nil
            let reopened = try SQLiteCrawlStore(path: path)
            var found: Response?
            for _ in 0..<50 where found == nil {
                found = try await reopened.cachedResponse(forKey: "k")
                if found == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(found == Self.response(1))
            try await reopened.close()
        }
    }

    @Test("a failure recorded twice keeps the last reason and counts both attempts", .timeLimit(.minutes(1)))
    func failureAttempts() async throws {
        try await Self.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path)
            try await store.recordFailure(FailureReason(.dns, "nxdomain"), key: "a", url: "http://a.test/")
            try await store.recordFailure(FailureReason(.connect), key: "a", url: "http://a.test/")
            try await store.flush()
            try await store.recordFailure(FailureReason(.httpStatus, "503"), key: "a", url: "http://a.test/")
            try await store.close()

            let connection = try SQLiteConnection(path: path, create: false)
            let row = try connection.prepare("SELECT code, detail, attempts, url FROM failures WHERE key = ?1")
            try row.bind("a", at: 1)
            #expect(try row.step())
            #expect(row.text(at: 0) == "http-status")
            #expect(row.text(at: 1) == "503")
            #expect(row.int64(at: 2) == 3)
            #expect(row.text(at: 3) == "http://a.test/")
        }
    }

    @Test("statistics count responses, failures, hosts, statuses, body and pack bytes, fetch times", .timeLimit(.minutes(1)))
    func statistics() async throws {
        try await Self.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path)
            #expect(try await store.statistics() == StoreStatistics(
                responses: 0, failures: 0, bodyBytes: 0, fileBytes: try await store.statistics().fileBytes))
            for (index, size) in [10, 20, 30].enumerated() {
                try await store.store(Self.response(index, bodySize: size), key: "k\(index)")
            }
            try await store.recordFailure(FailureReason(.dns), key: "x", url: "http://x.test/")
            try await store.recordFailure(FailureReason(.tls), key: "y", url: "http://y.test/")
            let statistics = try await store.statistics()
            #expect(statistics.responses == 3)
            #expect(statistics.failures == 2)
            #expect(statistics.bodyBytes == 60)
            #expect(statistics.fileBytes > 0)
            #expect(statistics.hosts == 1)
            #expect(statistics.statusCounts == [200: 3])
            #expect(statistics.uniqueBodies == 3)
            #expect(statistics.uniqueBodyBytes == 60)
            #expect(statistics.packs == 1)
            #expect(statistics.storedBodyBytes > 0)
            #expect(statistics.oldestFetch == Date(timeIntervalSince1970: 1_700_000_000))
            #expect(statistics.newestFetch == statistics.oldestFetch)
            try await store.close()
        }
    }

    @Test(
        "a row with a wrong-typed column is a miss",
        .timeLimit(.minutes(1)),
        arguments: [
            "status = 'two hundred'", "body_hash = 'text, not a blob'", "body_length = 17", "headers = x'00ff'",
            "requested_url = x'68747470'", "final_url = x'ff'", "fetched_at = 'yesterday'", "elapsed = x'01'",
            "status = 99999999999999999999",
        ])
    func corruptColumns(assignment: String) async throws {
        try await Self.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path)
            try await store.store(Self.response(1), key: "k")
            try await store.close()
            let connection = try SQLiteConnection(path: path, create: false)
            // The assignment is fixed test text; the key is bound.
            let update = try connection.prepare("UPDATE responses SET \(assignment) WHERE key = ?1")
            try update.bind("k", at: 1)
            _ = try update.step()

            let reopened = try SQLiteCrawlStore(path: path)
            #expect(try await reopened.cachedResponse(forKey: "k") == nil)
            try await reopened.close()
        }
    }
}
