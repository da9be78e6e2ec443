import Foundation
import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlStore

/// What the store remembers of 304 revalidations, for the WARC export's revisit records.
@Suite struct SQLiteCrawlStoreRevalidationTests {
    typealias Fixture = SQLiteCrawlStoreTests

    static func response(at seconds: Double) -> Response {
        Response(
            requestedURL: "http://r.test/", status: 200, headers: [("ETag", "\"v1\"")], body: Array("<p>same</p>".utf8),
            fetchedAt: Date(timeIntervalSinceReferenceDate: seconds), elapsed: 0.1)
    }

    static func entry(_ store: SQLiteCrawlStore) async throws -> CacheEntry? {
        try await store.flush()
        return try await store.entries(matching: CacheEntryFilter(), after: nil, limit: 10).first
    }

    @Test("a 304 keeps when the body came and records when it was revalidated; a full response clears both", .timeLimit(.minutes(1)))
    func revalidation() async throws {
        try await Fixture.withCachePath { _, path in
            let store = try SQLiteCrawlStore(path: path)
            try await store.store(Self.response(at: 1_000), key: "http://r.test/")
            var entry = try #require(try await Self.entry(store))
            #expect(entry.revalidatedAt == nil)
            #expect(entry.bodyFetchedAt == Date(timeIntervalSinceReferenceDate: 1_000))

            try await store.storeRevalidated(Self.response(at: 2_000), key: "http://r.test/")
            entry = try #require(try await Self.entry(store))
            #expect(entry.fetchedAt == Date(timeIntervalSinceReferenceDate: 2_000))
            #expect(entry.revalidatedAt == Date(timeIntervalSinceReferenceDate: 2_000))
            #expect(entry.bodyFetchedAt == Date(timeIntervalSinceReferenceDate: 1_000))

            // A second 304 moves the revalidation time and keeps the body's.
            try await store.storeRevalidated(Self.response(at: 3_000), key: "http://r.test/")
            entry = try #require(try await Self.entry(store))
            #expect(entry.revalidatedAt == Date(timeIntervalSinceReferenceDate: 3_000))
            #expect(entry.bodyFetchedAt == Date(timeIntervalSinceReferenceDate: 1_000))

            try await store.store(Self.response(at: 4_000), key: "http://r.test/")
            entry = try #require(try await Self.entry(store))
            #expect(entry.revalidatedAt == nil)
            #expect(entry.bodyFetchedAt == Date(timeIntervalSinceReferenceDate: 4_000))
            try await store.close()
        }
    }
}
