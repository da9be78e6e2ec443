import Foundation
import Testing
import TrawlCore

/// The behaviour every `CrawlStore` promises, run against each ``StoreKind``.
@Suite struct CrawlStoreContractTests {
    /// A response that exercises every field: zero bytes in the body, duplicate headers,
    /// a non-ASCII URL, a redirect's different final URL.
    static func sampleResponse(_ index: Int = 0) -> Response {
        Response(
            requestedURL: "https://exämple.test/päge/\(index)?q=☃",
            finalURL: "https://exämple.test/final/\(index)",
            status: 200 + index % 300,
            headers: [
                ("Content-Type", "text/html; charset=utf-8"), ("Set-Cookie", "a=1"),
                ("Set-Cookie", "b=2"), ("X-Index", "\(index)"),
            ],
            body: [0, 1, 0, 255, 0] + Array("body \(index)".utf8) + [0],
            fetchedAt: Date(timeIntervalSince1970: 1_700_000_000.25 + Double(index)),
            elapsed: 0.125)
    }

    @Test("a stored response reads back with every field equal", .timeLimit(.minutes(1)), arguments: StoreKind.all)
    func roundTrip(kind: StoreKind) async throws {
        try await withHarness(kind) { harness in
            let store = try await harness.openStore()
            let response = Self.sampleResponse(7)
            try await store.store(response, key: "k7")
            try await store.flush()
            let read = try #require(try await store.cachedResponse(forKey: "k7"))
            #expect(read == response)
            #expect(read.headers.values(named: "set-cookie") == ["a=1", "b=2"])
            try await store.close()
        }
    }

    @Test("a response stamped with the current time compares equal after a reopen", .timeLimit(.minutes(1)), arguments: StoreKind.all)
    func currentTimeRoundTrip(kind: StoreKind) async throws {
        try await withHarness(kind) { harness in
            let store = try await harness.openStore()
            let responses = (0..<50).map { index in
                Response(
                    requestedURL: "http://t.test/\(index)", status: 200,
                    fetchedAt: Date(timeIntervalSinceNow: Double(index) * -1.37), elapsed: Double(index) / 3)
            }
            for (index, response) in responses.enumerated() {
                try await store.store(response, key: "k\(index)")
            }
            try await store.close()
            let reopened = try await harness.openStore()
            for (index, response) in responses.enumerated() {
                #expect(try await reopened.cachedResponse(forKey: "k\(index)") == response)
            }
            try await reopened.close()
        }
    }

    @Test("an empty body and empty headers round-trip", .timeLimit(.minutes(1)), arguments: StoreKind.all)
    func emptyValues(kind: StoreKind) async throws {
        try await withHarness(kind) { harness in
            let store = try await harness.openStore()
            let response = Response(
                requestedURL: "http://x.test/", status: 204, fetchedAt: Date(timeIntervalSince1970: 0))
            try await store.store(response, key: "")
            try await store.close()
            let reopened = try await harness.openStore()
            #expect(try await reopened.cachedResponse(forKey: "") == response)
            try await reopened.close()
        }
    }

    @Test("a key never stored is a miss", .timeLimit(.minutes(1)), arguments: StoreKind.all)
    func miss(kind: StoreKind) async throws {
        try await withHarness(kind) { harness in
            let store = try await harness.openStore()
            #expect(try await store.cachedResponse(forKey: "nothing") == nil)
            try await store.store(Self.sampleResponse(), key: "something")
            try await store.flush()
            #expect(try await store.cachedResponse(forKey: "nothing") == nil)
            try await store.close()
        }
    }

    @Test("storing a key again replaces the response, before and after a flush", .timeLimit(.minutes(1)), arguments: StoreKind.all)
    func replace(kind: StoreKind) async throws {
        try await withHarness(kind) { harness in
            let store = try await harness.openStore()
            try await store.store(Self.sampleResponse(1), key: "k")
            try await store.store(Self.sampleResponse(2), key: "k")
            #expect(try await store.cachedResponse(forKey: "k") == Self.sampleResponse(2))
            try await store.flush()
            try await store.store(Self.sampleResponse(3), key: "k")
            try await store.flush()
            #expect(try await store.cachedResponse(forKey: "k") == Self.sampleResponse(3))
            try await store.close()
        }
    }

    @Test("a read sees a write made before it, without a flush", .timeLimit(.minutes(1)), arguments: StoreKind.all)
    func readYourWrites(kind: StoreKind) async throws {
        try await withHarness(kind) { harness in
            let store = try await harness.openStore()
            for index in 0..<10 {
                try await store.store(Self.sampleResponse(index), key: "k\(index)")
                #expect(try await store.cachedResponse(forKey: "k\(index)") == Self.sampleResponse(index))
            }
            for index in 0..<10 {
                #expect(try await store.cachedResponse(forKey: "k\(index)") == Self.sampleResponse(index))
            }
            try await store.close()
        }
    }

    @Test("writes survive close and reopen", .timeLimit(.minutes(1)), arguments: StoreKind.all)
    func durability(kind: StoreKind) async throws {
        try await withHarness(kind) { harness in
            let store = try await harness.openStore()
            for index in 0..<25 {
                try await store.store(Self.sampleResponse(index), key: "k\(index)")
            }
            try await store.close()
            let reopened = try await harness.openStore()
            for index in 0..<25 {
                #expect(try await reopened.cachedResponse(forKey: "k\(index)") == Self.sampleResponse(index))
            }
            try await reopened.close()
        }
    }

    @Test("recorded failures are kept, one per key", .timeLimit(.minutes(1)), arguments: StoreKind.all)
    func failures(kind: StoreKind) async throws {
        try await withHarness(kind) { harness in
            let store = try await harness.openStore()
            try await store.recordFailure(FailureReason(.dns, "no such host"), key: "a", url: "http://a.test/")
            try await store.recordFailure(FailureReason(.timeout), key: "a", url: "http://a.test/")
            try await store.recordFailure(FailureReason(.httpStatus, "404"), key: "b", url: "http://b.test/")
            try await store.flush()
            #expect(try await harness.failureCount(in: store) == 2)
            try await store.close()
            let reopened = try await harness.openStore()
            #expect(try await harness.failureCount(in: reopened) == 2)
            #expect(try await reopened.cachedResponse(forKey: "a") == nil)
            try await reopened.close()
        }
    }

    @Test("a corrupt entry is a miss, never a crash", .timeLimit(.minutes(1)), arguments: StoreKind.all)
    func corruptEntry(kind: StoreKind) async throws {
        try await withHarness(kind) { harness in
            let store = try await harness.openStore()
            try await store.store(Self.sampleResponse(1), key: "bad")
            try await store.store(Self.sampleResponse(2), key: "good")
            try await store.close()
            try await harness.corruptEntry(forKey: "bad")
            let reopened = try await harness.openStore()
            #expect(try await reopened.cachedResponse(forKey: "bad") == nil)
            #expect(try await reopened.cachedResponse(forKey: "good") == Self.sampleResponse(2))
            try await reopened.store(Self.sampleResponse(3), key: "bad")
            try await reopened.flush()
            #expect(try await reopened.cachedResponse(forKey: "bad") == Self.sampleResponse(3))
            try await reopened.close()
        }
    }

    @Test("a damaged body is a miss, never a crash, and storing it again heals it", .timeLimit(.minutes(1)), arguments: StoreKind.all)
    func corruptBody(kind: StoreKind) async throws {
        try await withHarness(kind) { harness in
            let store = try await harness.openStore()
            try await store.store(Self.sampleResponse(1), key: "bad")
            try await store.flush()
            try await store.store(Self.sampleResponse(2), key: "good")
            try await store.close()
            try await harness.corruptBody(forKey: "bad")
            let reopened = try await harness.openStore()
            #expect(try await reopened.cachedResponse(forKey: "bad") == nil)
            #expect(try await reopened.cachedResponse(forKey: "good") == Self.sampleResponse(2))
            try await reopened.store(Self.sampleResponse(1), key: "bad")
            try await reopened.flush()
            #expect(try await reopened.cachedResponse(forKey: "bad") == Self.sampleResponse(1))
            try await reopened.close()
        }
    }

    @Test("stores from 50 concurrent tasks all land", .timeLimit(.minutes(1)), arguments: StoreKind.all)
    func concurrentStores(kind: StoreKind) async throws {
        try await withHarness(kind) { harness in
            let store = try await harness.openStore()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<50 {
                    group.addTask {
                        for index in 0..<20 {
                            let number = task * 20 + index
                            try await store.store(Self.sampleResponse(number), key: "k\(number)")
                            if index % 7 == 0 {
                                _ = try await store.cachedResponse(forKey: "k\(number)")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await store.close()
            let reopened = try await harness.openStore()
            for number in 0..<1_000 {
                #expect(try await reopened.cachedResponse(forKey: "k\(number)") == Self.sampleResponse(number))
            }
            try await reopened.close()
        }
    }

    @Test("every call after close throws", .timeLimit(.minutes(1)), arguments: StoreKind.all)
    func callsAfterClose(kind: StoreKind) async throws {
        try await withHarness(kind) { harness in
            let store = try await harness.openStore()
            try await store.store(Self.sampleResponse(), key: "k")
            try await store.close()
            await #expect(throws: (any Error).self) { try await store.cachedResponse(forKey: "k") }
            await #expect(throws: (any Error).self) { try await store.store(Self.sampleResponse(), key: "k") }
            await #expect(throws: (any Error).self) {
                try await store.recordFailure(FailureReason(.dns), key: "k", url: "http://k.test/")
            }
            await #expect(throws: (any Error).self) { try await store.flush() }
            await #expect(throws: (any Error).self) { try await store.close() }
        }
    }
}
