import Foundation
import Testing
import TrawlCore

/// The frontier reads every ``JobStore`` promises: queue windows, the seen set and counts,
/// run against each ``JobStoreKind``.
@Suite struct JobStoreQueueContractTests {
    typealias F = JobFixture

    @Test("a URL is queued once: the first discovery's depth, parent and carried fields win", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func firstDiscoveryWins(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            try await store.enqueue([F.entry("a.test", "x", depth: 1, parent: "http://a.test/", carried: F.carried)])
            try await store.enqueue([F.entry("a.test", "x", depth: 5, parent: "http://a.test/other")])
            try await store.record(
                PageCommit(url: "http://b.test/", state: .done, discovered: [F.entry("a.test", "x", depth: 2)]))
            // A seed is known already: enqueuing it again changes nothing.
            try await store.enqueue([F.entry("a.test", "", depth: 3)])
            try await store.flush()
            let window = try await store.queuedURLs(host: "a.test", after: 0, limit: 10)
            #expect(window.map(\.url) == ["http://a.test/", "http://a.test/x"])
            #expect(window.map(\.depth) == [0, 1])
            #expect(window.last?.parent == "http://a.test/")
            #expect(window.last?.carried == F.carried)
            #expect(try await store.jobCounts().queued == 2)
            try await store.close()
        }
    }

    @Test("a done or failed URL stays so when it is discovered or queued again", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func doneStaysDone(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            try await store.record(PageCommit(url: "http://a.test/", state: .done))
            try await store.record(PageCommit(url: "http://b.test/", state: .failed, reason: FailureReason(.dns), attempts: 4))
            try await store.enqueue([F.entry("a.test", "", depth: 0)])
            try await store.record(
                PageCommit(url: "http://a.test/z", state: .done, discovered: [F.entry("b.test", "", depth: 1)]))
            try await store.flush()
            #expect(try await store.queuedHosts().isEmpty)
            #expect(try await store.jobCounts() == JobCounts(
                done: 2, failed: 1, hosts: ["a.test": HostCounts(done: 2), "b.test": HostCounts(failed: 1)]))
            try await store.close()
        }
    }

    @Test("queue windows list a host's queued URLs in the order first queued, after a position, at most a limit", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func queueWindows(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            // Interleaved hosts, paths out of alphabetical order: only the queue order counts.
            let paths = ["m", "c", "z", "a", "q", "b", "y"]
            for path in paths {
                try await store.enqueue([F.entry("a.test", path), F.entry("b.test", path)])
            }
            try await store.record(PageCommit(url: "http://a.test/z", state: .done))
            try await store.flush()
            var seen: [String] = []
            var positions: [Int64] = []
            var after: Int64 = 0
            while true {
                let window = try await store.queuedURLs(host: "a.test", after: after, limit: 3)
                if window.isEmpty { break }
                #expect(window.count <= 3)
                #expect(window.allSatisfy { $0.hostKey == "a.test" })
                seen += window.map(\.url)
                positions += window.map(\.position)
                after = try #require(window.last?.position)
            }
            let expected = ["", "m", "c", "a", "q", "b", "y"].map { "http://a.test/\($0)" }
            #expect(seen == expected)
            #expect(positions == positions.sorted())
            #expect(Set(positions).count == positions.count)
            #expect(try await store.queuedURLs(host: "a.test", after: 0, limit: 0).isEmpty)
            #expect(try await store.queuedURLs(host: "nowhere.test", after: 0, limit: 5).isEmpty)
            // A URL queued now goes behind every earlier one.
            try await store.enqueue([F.entry("a.test", "late")])
            try await store.flush()
            #expect(try await store.queuedURLs(host: "a.test", after: after, limit: 5).map(\.url) == ["http://a.test/late"])
            try await store.close()
        }
    }

    @Test("queued hosts count each host's queued URLs and leave out hosts with none", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func queuedHosts(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            try await store.enqueue((1...5).map { F.entry("a.test", "\($0)") } + [F.entry("c.test", "1")])
            try await store.record(PageCommit(url: "http://b.test/", state: .done))
            try await store.record(PageCommit(url: "http://a.test/1", state: .failed, reason: FailureReason(.timeout)))
            try await store.flush()
            #expect(try await store.queuedHosts() == ["a.test": 5, "c.test": 1])
            try await store.close()
        }
    }

    @Test("known URLs are answered in the order asked, whatever their state", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func areKnown(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            try await store.record(PageCommit(url: "http://a.test/", state: .done, discovered: [F.entry("a.test", "d")]))
            try await store.record(PageCommit(url: "http://b.test/", state: .failed, reason: FailureReason(.dns)))
            try await store.flush()
            let asked = ["http://x.test/", "http://b.test/", "http://a.test/d", "http://a.test/D", "http://a.test/"]
            #expect(try await store.areKnown(asked) == [false, true, true, false, true])
            #expect(try await store.areKnown([]) == [])
            let many = (0..<1_500).map { "http://a.test/\($0 % 3 == 0 ? "d" : "n\($0)")" }
            #expect(try await store.areKnown(many) == (0..<1_500).map { $0 % 3 == 0 })
            try await store.close()
        }
    }

    @Test("a known-URL scan a page at a time returns every URL once, whatever its state", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func knownURLScan(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            let entries = (0..<20).map { F.entry($0 % 2 == 0 ? "a.test" : "b.test", "p\($0)") }
            try await store.enqueue(entries)
            try await store.record(PageCommit(url: "http://a.test/p0", state: .done))
            try await store.record(PageCommit(url: "http://b.test/p1", state: .failed, reason: FailureReason(.dns)))
            try await store.flush()
            var urls: [String] = []
            var cursor: Int64 = 0
            var pages = 0
            while true {
                let page = try await store.knownURLs(after: cursor, limit: 3)
                if page.urls.isEmpty { break }
                #expect(page.urls.count <= 3)
                urls += page.urls
                cursor = page.next
                pages += 1
                try #require(pages < 100)
            }
            #expect(urls.count == 22)
            #expect(Set(urls) == Set(entries.map(\.url) + ["http://a.test/", "http://b.test/"]))
            try await store.close()
        }
    }

    @Test("job counts add up by state, per host, with the items", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func counts(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            try await store.record(
                PageCommit(
                    url: "http://a.test/", state: .done, items: [F.item(1, "http://a.test/")],
                    discovered: [F.entry("a.test", "1"), F.entry("a.test", "2"), F.entry("c.test", "")]))
            try await store.record(PageCommit(url: "http://a.test/1", state: .failed, reason: FailureReason(.timeout)))
            try await store.record(
                PageCommit(url: "http://b.test/", state: .done, items: [F.item(2, "http://b.test/"), F.item(3, "http://b.test/")]))
            try await store.flush()
            let counts = try await store.jobCounts()
            #expect(counts == JobCounts(
                queued: 2, done: 2, failed: 1, items: 3,
                hosts: [
                    "a.test": HostCounts(queued: 1, done: 1, failed: 1), "b.test": HostCounts(done: 1),
                    "c.test": HostCounts(queued: 1),
                ]))
            try await store.close()
        }
    }

    @Test("a read-only store beside a writer reads what the writer committed and refuses writes", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func readOnlyBesideWriter(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            let job = try await F.start(store)
            let reader = try await harness.openReader()
            #expect(try await reader.currentJob() == job)
            try await store.record(PageCommit(url: "http://a.test/", state: .done, items: [F.item(1, "http://a.test/")]))
            try await store.flush()
            #expect(try await reader.items(after: 0, limit: 5) == [F.item(1, "http://a.test/")])
            #expect(try await reader.jobCounts().done == 1)
            await #expect(throws: (any Error).self) { try await reader.enqueue([F.entry("a.test", "r")]) }
            await #expect(throws: (any Error).self) { try await reader.record(PageCommit(url: "http://a.test/r", state: .done)) }
            await #expect(throws: (any Error).self) { _ = try await reader.startJob(settings: F.settings, seeds: []) }
            await #expect(throws: (any Error).self) { try await reader.setJobFinished(true, at: Date()) }
            try await reader.close()
            #expect(try await store.currentJob() == job)
            try await store.close()
        }
    }
}
