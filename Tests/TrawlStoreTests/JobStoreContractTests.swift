import Foundation
import Testing
import TrawlCore

/// The job lifecycle and page commits every ``JobStore`` promises, run against each ``JobStoreKind``.
@Suite struct JobStoreContractTests {
    typealias F = JobFixture

    @Test("a store without a job has no job, reads as empty and refuses job writes", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func noJob(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            #expect(try await store.currentJob() == nil)
            #expect(try await store.jobCounts() == JobCounts())
            #expect(try await store.queuedHosts().isEmpty)
            #expect(try await store.areKnown(["http://a.test/"]) == [false])
            #expect(try await store.knownURLs(after: 0, limit: 10).urls.isEmpty)
            #expect(try await store.items(after: 0, limit: 10).isEmpty)
            #expect(try await store.runs().isEmpty)
            await #expect(throws: (any Error).self) { try await store.enqueue([F.entry("a.test", "x")]) }
            await #expect(throws: (any Error).self) { try await store.record(PageCommit(url: "http://a.test/", state: .done)) }
            await #expect(throws: (any Error).self) { _ = try await store.startRun(at: Date()) }
            try await store.close()
        }
    }

    @Test("a started job reads back with its settings and its seeds queued", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func startJob(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            let job = try await F.start(store)
            #expect(job.settings == F.settings)
            #expect(job.finishedAt == nil)
            #expect(try await store.currentJob() == job)
            #expect(try await store.queuedHosts() == ["a.test": 1, "b.test": 1])
            let window = try await store.queuedURLs(host: "a.test", after: 0, limit: 10)
            #expect(window.map(\.url) == ["http://a.test/"])
            #expect(window.first?.depth == 0)
            #expect(window.first?.parent == nil)
            try await store.close()
            let reopened = try await harness.openJobStore()
            #expect(try await reopened.currentJob() == job)
            try await reopened.close()
        }
    }

    @Test("starting a job replaces the earlier one with its URLs, items, runs and host states", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func replaceJob(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            let first = try await F.start(store)
            _ = try await store.startRun(at: Date())
            try await store.record(
                PageCommit(
                    url: "http://a.test/", state: .done, items: [F.item(1, "http://a.test/")],
                    discovered: [F.entry("a.test", "1")]))
            try await store.saveHostStates([HostSnapshot(hostKey: "a.test", backoffUntil: nil, concurrency: 2, extraDelay: 0, crawlDelay: 0)])
            let response = Response(requestedURL: "http://a.test/", status: 200, fetchedAt: Date(timeIntervalSince1970: 5))
            try await store.store(response, key: "http://a.test/")
            let settings = JobSettings(seeds: ["http://c.test/"], values: [:])
            let second = try await store.startJob(settings: settings, seeds: [F.entry("c.test", "", depth: 0)])
            #expect(second.id != first.id)
            #expect(try await store.currentJob() == second)
            #expect(try await store.jobCounts() == JobCounts(queued: 1, hosts: ["c.test": HostCounts(queued: 1)]))
            #expect(try await store.items(after: 0, limit: 10).isEmpty)
            #expect(try await store.runs().isEmpty)
            #expect(try await store.hostStates().isEmpty)
            #expect(try await store.areKnown(["http://a.test/", "http://a.test/1", "http://c.test/"]) == [false, false, true])
            #expect(try await store.cachedResponse(forKey: "http://a.test/") == response)
            try await store.close()
        }
    }

    @Test("updating a job replaces its settings and queues only the seeds it does not know", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func updateJob(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            let job = try await F.start(store)
            try await store.record(PageCommit(url: "http://a.test/", state: .done))
            try await store.setJobFinished(true, at: Date(timeIntervalSince1970: 1_000))
            let settings = JobSettings(seeds: ["http://a.test/", "http://c.test/"], values: ["max-pages": "200"])
            try await store.updateJob(
                settings: settings, seeds: [F.entry("a.test", "", depth: 0), F.entry("c.test", "", depth: 0)])
            try await store.setJobFinished(false, at: Date())
            try await store.flush()
            let updated = try #require(try await store.currentJob())
            #expect(updated.id == job.id)
            #expect(updated.settings == settings)
            #expect(updated.finishedAt == nil)
            let counts = try await store.jobCounts()
            #expect(counts.done == 1)
            #expect(counts.queued == 2)
            #expect(counts.hosts["c.test"] == HostCounts(queued: 1))
            try await store.close()
        }
    }

    @Test("a finished job reads back with its finish time, and reopening clears it", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func finished(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            let when = Date(timeIntervalSince1970: 1_700_000_123.375)
            try await store.setJobFinished(true, at: when)
            try await store.close()
            let reopened = try await harness.openJobStore()
            #expect(try await reopened.currentJob()?.finishedAt == when)
            try await reopened.setJobFinished(false, at: Date())
            try await reopened.flush()
            #expect(try await reopened.currentJob()?.finishedAt == nil)
            try await reopened.close()
        }
    }

    @Test("a page commit's state, items and discovered URLs are all visible after a flush and a reopen", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func pageCommit(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            let discovered = [
                F.entry("a.test", "x", parent: "http://a.test/", carried: F.carried),
                F.entry("b.test", "y", parent: "http://a.test/"),
            ]
            let items = [F.item(1, "http://a.test/"), F.item(2, "http://a.test/")]
            try await store.record(PageCommit(url: "http://a.test/", state: .done, items: items, discovered: discovered))
            try await store.flush()
            let reader = try await harness.openReader()
            for check in [store, reader] {
                #expect(try await check.items(after: 0, limit: 10) == items)
                let counts = try await check.jobCounts()
                #expect(counts == JobCounts(
                    queued: 3, done: 1, items: 2,
                    hosts: ["a.test": HostCounts(queued: 1, done: 1), "b.test": HostCounts(queued: 2)]))
                let window = try await check.queuedURLs(host: "a.test", after: 0, limit: 10)
                #expect(window.map(\.url) == ["http://a.test/x"])
                #expect(window.first?.carried == F.carried)
                #expect(window.first?.parent == "http://a.test/")
                #expect(window.first?.depth == 1)
            }
            try await reader.close()
            try await store.close()
            let reopened = try await harness.openJobStore()
            #expect(try await reopened.items(after: 0, limit: 10) == items)
            #expect(try await reopened.queuedURLs(host: "a.test", after: 0, limit: 10).first?.carried == F.carried)
            try await reopened.close()
        }
    }

    @Test("a failed page keeps its attempts, and one put back is queued again in its old place", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func failedAndRequeued(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            try await store.enqueue([F.entry("a.test", "1"), F.entry("a.test", "2")])
            try await store.flush()
            let before = try await store.queuedURLs(host: "a.test", after: 0, limit: 10)
            try await store.record(
                PageCommit(url: "http://a.test/1", state: .queued, reason: FailureReason(.timeout, "slow"), attempts: 2))
            try await store.record(
                PageCommit(url: "http://a.test/2", state: .failed, reason: FailureReason(.connect, "refused"), attempts: 3))
            try await store.flush()
            let after = try await store.queuedURLs(host: "a.test", after: 0, limit: 10)
            #expect(after.map(\.url) == ["http://a.test/", "http://a.test/1"])
            #expect(after.map(\.position) == before.prefix(2).map(\.position))
            #expect(after.last?.attempts == 2)
            #expect(try await store.jobCounts().hosts["a.test"] == HostCounts(queued: 2, failed: 1))
            try await store.close()
        }
    }

    @Test("recording a URL the job never queued adds it with its outcome", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func recordUnknown(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            try await store.record(PageCommit(url: "http://c.test:8080/moved", state: .done, items: [F.item(1, "http://c.test:8080/moved")]))
            try await store.flush()
            #expect(try await store.areKnown(["http://c.test:8080/moved"]) == [true])
            #expect(try await store.jobCounts().hosts["c.test"] == HostCounts(done: 1))
            try await store.close()
        }
    }

    @Test("items read back in sequence order, a page at a time after a sequence number", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func itemsPaging(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            // Recorded out of order, as concurrent pages finish: the sequence decides the order.
            for page in [3, 1, 2] {
                let url = "http://a.test/\(page)"
                let items = (0..<3).map { F.item(Int64(page * 10 + $0), url) }
                try await store.record(PageCommit(url: url, state: .done, items: items))
            }
            try await store.flush()
            let all = try await store.items(after: 0, limit: 100)
            #expect(all.map(\.sequence) == [10, 11, 12, 20, 21, 22, 30, 31, 32])
            #expect(all.first == F.item(10, "http://a.test/1"))
            #expect(try await store.items(after: 12, limit: 2).map(\.sequence) == [20, 21])
            #expect(try await store.items(after: 32, limit: 2).isEmpty)
            #expect(try await store.jobCounts().items == 9)
            try await store.close()
        }
    }

    @Test("runs count the pages recorded while they ran and when the last one was", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func runs(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            let start1 = Date(timeIntervalSince1970: 1_700_000_000)
            let run1 = try await store.startRun(at: start1)
            try await store.record(PageCommit(url: "http://a.test/", state: .done))
            try await store.record(PageCommit(url: "http://b.test/", state: .failed, reason: FailureReason(.dns), attempts: 1))
            try await store.record(PageCommit(url: "http://b.test/x", state: .queued, attempts: 1))
            let end1 = Date(timeIntervalSince1970: 1_700_000_100)
            try await store.endRun(run1, at: end1)
            try await store.close()

            let reopened = try await harness.openJobStore()
            let start2 = Date(timeIntervalSince1970: 1_700_000_200)
            let run2 = try await reopened.startRun(at: start2)
            #expect(run2 != run1)
            try await reopened.record(PageCommit(url: "http://b.test/x", state: .done))
            try await reopened.flush()
            let runs = try await reopened.runs()
            #expect(runs.map(\.id) == [run1, run2])
            #expect(runs.map(\.startedAt) == [start1, start2])
            #expect(runs.map(\.endedAt) == [end1, nil])
            #expect(runs.map(\.pages) == [2, 1])
            let last = try #require(runs.first?.lastRecordedAt)
            #expect(last >= start1.addingTimeInterval(-1) && last <= Date())
            #expect(runs.last?.lastRecordedAt != nil)
            try await reopened.close()
        }
    }

    @Test("host states round-trip, and saving a host again replaces its row", .timeLimit(.minutes(1)), arguments: JobStoreKind.all)
    func hostStates(kind: JobStoreKind) async throws {
        try await withJobHarness(kind) { harness in
            let store = try await harness.openJobStore()
            _ = try await F.start(store)
            let a = HostSnapshot(
                hostKey: "a.test", backoffUntil: Date(timeIntervalSince1970: 1_700_000_000.5), concurrency: 3,
                extraDelay: 0.25, crawlDelay: 2)
            let b = HostSnapshot(hostKey: "b.test", backoffUntil: nil, concurrency: 8, extraDelay: 0, crawlDelay: 0)
            try await store.saveHostStates([a, b])
            var a2 = a
            a2.backoffUntil = nil
            a2.concurrency = 1
            try await store.saveHostStates([a2])
            try await store.close()
            let reopened = try await harness.openJobStore()
            let states = try await reopened.hostStates()
            #expect(Set(states) == [a2, b])
            #expect(states.count == 2)
            try await reopened.close()
        }
    }
}
