import Foundation
import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlStore

/// SQLite-specific behaviour of the job tables: atomic batches, batch accounting, the schema
/// migration and the columns the contract does not read back.
@Suite struct SQLiteJobStoreTests {
    typealias F = JobFixture
    typealias Fixture = SQLiteCrawlStoreTests

    static let jobTables = ["job", "job_run", "frontier_url", "job_item", "host_state"]

    static func tableCount(_ path: String) throws -> Int64? {
        let connection = try SQLiteConnection(path: path, create: false)
        let names = jobTables.map { "'\($0)'" }.joined(separator: ",")
        return try connection.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN (\(names))")
    }

    @Test("a page commit that fails part-way leaves nothing of the page, and its retry records all of it", .timeLimit(.minutes(1)))
    func pageCommitIsAtomic() async throws {
        try await Fixture.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path)
            _ = try await F.start(store)
            // Another connection makes the insert of one discovered URL fail inside the batch.
            let saboteur = try SQLiteConnection(path: path, create: false)
            try saboteur.setBusyTimeout(milliseconds: 2_000)
            try saboteur.execute(
                """
                CREATE TRIGGER poison BEFORE INSERT ON frontier_url WHEN NEW.url = 'http://a.test/poison'
                BEGIN SELECT RAISE(ABORT, 'poisoned'); END;
                """)
            try await store.record(PageCommit(url: "http://b.test/", state: .done, items: [F.item(1, "http://b.test/")]))
            try await store.record(
                PageCommit(
                    url: "http://a.test/", state: .done, items: [F.item(2, "http://a.test/")],
                    discovered: [F.entry("a.test", "ok"), F.entry("a.test", "poison")]))
            await #expect(throws: StoreError.self) { try await store.flush() }

            // Nothing of the batch is committed: not the page before, not the poisoned page.
            #expect(try await store.items(after: 0, limit: 10).isEmpty)
            #expect(try await store.jobCounts() == JobCounts(
                queued: 2, hosts: ["a.test": HostCounts(queued: 1), "b.test": HostCounts(queued: 1)]))
            #expect(try await store.areKnown(["http://a.test/ok"]) == [false])

            try saboteur.execute("DROP TRIGGER poison")
            try await store.flush()
            #expect(try await store.items(after: 0, limit: 10).map(\.sequence) == [1, 2])
            #expect(try await store.jobCounts().done == 2)
            #expect(try await store.areKnown(["http://a.test/ok", "http://a.test/poison"]) == [true, true])
            try await store.close()
        }
    }

    @Test("job writes count toward the batch size one row per URL or item, and keep call order when merged")
    func batchAccounting() {
        var batch = WriteBatch(id: 1)
        #expect(batch.isEmpty)
        batch.add(.record(
            job: 1, run: nil, at: Date(),
            commit: PageCommit(
                url: "http://a.test/", state: .done, items: [F.item(1, "http://a.test/"), F.item(2, "http://a.test/")],
                discovered: [F.entry("a.test", "1"), F.entry("a.test", "2"), F.entry("a.test", "3")])))
        #expect(!batch.isEmpty)
        #expect(batch.count == 6)
        batch.add(.enqueue(job: 1, entries: [F.entry("b.test", "1"), F.entry("b.test", "2")]))
        batch.add(.endRun(run: 1, at: Date()))
        #expect(batch.count == 9)
        var later = WriteBatch(id: 2)
        later.add(.finished(job: 1, at: nil))
        batch.absorb(later)
        #expect(batch.count == 10)
        #expect(batch.id == 2)
        guard case .finished = batch.jobWrites.last, case .record = batch.jobWrites.first else {
            Issue.record("merged job writes out of order: \(batch.jobWrites)")
            return
        }
    }

    @Test("outcome columns keep the reason, the run and the time recorded", .timeLimit(.minutes(1)))
    func outcomeColumns() async throws {
        try await Fixture.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path)
            _ = try await F.start(store)
            let run = try await store.startRun(at: Date())
            try await store.record(
                PageCommit(url: "http://a.test/", state: .failed, reason: FailureReason(.httpStatus, "503"), attempts: 4))
            try await store.record(PageCommit(url: "http://b.test/", state: .queued, reason: FailureReason(.timeout), attempts: 1))
            try await store.close()
            let connection = try SQLiteConnection(path: path, create: false)
            let failed = try connection.prepare(
                "SELECT reason_code, reason_detail, attempts, run, recorded_at FROM frontier_url WHERE url = 'http://a.test/'")
            #expect(try failed.step())
            #expect(failed.text(at: 0) == "http-status")
            #expect(failed.text(at: 1) == "503")
            #expect(failed.int64(at: 2) == 4)
            #expect(failed.int64(at: 3) == run)
            #expect(failed.double(at: 4) != nil)
            let requeued = try connection.prepare("SELECT state, run, recorded_at FROM frontier_url WHERE url = 'http://b.test/'")
            #expect(try requeued.step())
            #expect(requeued.int64(at: 0) == 0)
            #expect(requeued.int64(at: 1) == nil)
            #expect(requeued.double(at: 2) == nil)
        }
    }

    @Test("job writes fail with stable codes: no job yet, or a read-only store", .timeLimit(.minutes(1)))
    func errorCodes() async throws {
        try await Fixture.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path)
            let noJob = await #expect(throws: StoreError.self) { try await store.enqueue([F.entry("a.test", "")]) }
            #expect(noJob?.code == .noJob)
            #expect(noJob?.description.contains("holds no crawl job") == true)
            let reader = try SQLiteCrawlStore(path: path, readOnly: true)
            let readOnly = await #expect(throws: StoreError.self) { _ = try await reader.startRun(at: Date()) }
            #expect(readOnly?.code == .readOnly)
            try await reader.close()
            try await store.close()
        }
    }

    @Test("damaged job rows: settings that do not parse are corrupt, carried fields that do not parse are dropped", .timeLimit(.minutes(1)))
    func damagedRows() async throws {
        try await Fixture.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path)
            _ = try await F.start(store)
            try await store.enqueue([F.entry("a.test", "x", carried: F.carried)])
            try await store.flush()
            let vandal = try SQLiteConnection(path: path, create: false)
            try vandal.setBusyTimeout(milliseconds: 2_000)
            try vandal.execute("UPDATE frontier_url SET carried = '{\"broken\":' WHERE url = 'http://a.test/x'")
            let window = try await store.queuedURLs(host: "a.test", after: 0, limit: 5)
            #expect(window.map(\.url) == ["http://a.test/", "http://a.test/x"])
            #expect(window.last?.carried == [])
            try vandal.execute("UPDATE job SET settings = '[1, 2]'")
            let error = await #expect(throws: StoreError.self) { _ = try await store.currentJob() }
            #expect(error?.code == .corrupt)
            try await store.close()
        }
    }

    @Test("a new cache has the job tables, and a schema-2 cache gains them with its responses intact", .timeLimit(.minutes(1)))
    func migration() async throws {
        try await Fixture.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path)
            let response = Fixture.response(1)
            try await store.store(response, key: "k1")
            try await store.close()
            #expect(try Self.tableCount(path) == 5)

            // What the previous Trawl left: a schema-2 cache made by it (see HostBasesTests).
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            let source = try #require(
                Bundle.module.url(forResource: "schema2-demo", withExtension: "sqlite", subdirectory: "Fixtures"))
            try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: path))
            #expect(try Self.tableCount(path) == 0)
            let error = #expect(throws: StoreError.self) { _ = try SQLiteCrawlStore(path: path, readOnly: true) }
            #expect(error?.code == .olderVersion)

            let migrated = try SQLiteCrawlStore(path: path)
            #expect(try await migrated.cachedResponse(forKey: "http://127.0.0.1:18471/a/1.html")?.status == 200)
            #expect(try await migrated.currentJob() == nil)
            _ = try await F.start(migrated)
            try await migrated.close()
            let connection = try SQLiteConnection(path: path, create: false)
            #expect(try connection.integer("PRAGMA user_version") == CacheSchema.currentVersion)
            #expect(try Self.tableCount(path) == 5)
        }
    }

    @Test("a foundation-era cache migrated in place gets the job tables too", .timeLimit(.minutes(1)))
    func foundationCacheGetsJobTables() async throws {
        try await Fixture.withCachePath { _, path in
            try CacheMigrationTests.copyFixture(to: path)
            let store = try SQLiteCrawlStore(path: path)
            let job = try await F.start(store)
            #expect(try await store.currentJob() == job)
            try await store.close()
            #expect(try Self.tableCount(path) == 5)
        }
    }
}
