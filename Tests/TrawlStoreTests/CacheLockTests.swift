import Foundation
import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlStore

/// One writer per cache, any number of read-only stores beside it.
@Suite struct CacheLockTests {
    typealias Fixture = SQLiteCrawlStoreTests

    @Test("a second writer is refused with one line naming the first one's pid", .timeLimit(.minutes(1)))
    func secondWriterRefused() async throws {
        try await Fixture.withCachePath { _, path in
            let first = try SQLiteCrawlStore(path: path)
            let error = try #require(Fixture.openError(path))
            #expect(error.code == .inUse)
            #expect(error.description == "cache \(path) is in use by another trawl process (pid \(getpid()))")
            try await first.close()
            // Closing releases the lock.
            try await SQLiteCrawlStore(path: path).close()
        }
    }

    @Test("a lock file left by a dead process does not block, and is taken over with this pid", .timeLimit(.minutes(1)))
    func staleLockFile() async throws {
        try await Fixture.withCachePath { _, path in
            // What a writer killed with -9 leaves: the file with its pid, but no lock (the kernel
            // dropped the lock with the process).
            try Data("4242\n".utf8).write(to: URL(fileURLWithPath: path + "-lock"))
            let store = try SQLiteCrawlStore(path: path)
            let holder = try String(contentsOfFile: path + "-lock", encoding: .utf8)
            #expect(holder == "\(getpid())\n")
            try await store.close()
        }
    }

    @Test("a read-only store reads beside a writer and refuses writes", .timeLimit(.minutes(1)))
    func readerBesideWriter() async throws {
        try await Fixture.withCachePath { _, path in
            let writer = try SQLiteCrawlStore(path: path)
            try await writer.store(Fixture.response(1), key: "k1")
            try await writer.flush()
            let reader = try SQLiteCrawlStore(path: path, readOnly: true)
            #expect(try await reader.cachedResponse(forKey: "k1") == Fixture.response(1))
            try await writer.store(Fixture.response(2), key: "k2")
            try await writer.flush()
            #expect(try await reader.cachedResponse(forKey: "k2") == Fixture.response(2))
            #expect(try await reader.statistics().responses == 2)
            await #expect(throws: StoreError.self) { try await reader.store(Fixture.response(3), key: "k3") }
            await #expect(throws: StoreError.self) {
                try await reader.recordFailure(FailureReason(.dns), key: "f", url: "http://f.test/")
            }
            await #expect(throws: StoreError.self) { _ = try await reader.compact() }
            try await reader.close()
            try await writer.close()
        }
    }

    @Test("a read-only open of a missing cache fails without creating it", .timeLimit(.minutes(1)))
    func readOnlyMissing() async throws {
        try await Fixture.withCachePath { _, path in
            #expect(throws: StoreError.self) { _ = try SQLiteCrawlStore(path: path, readOnly: true) }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }
}
