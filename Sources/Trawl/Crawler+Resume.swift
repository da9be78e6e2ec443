import Foundation
import Synchronization
import TrawlCore
import TrawlFrontier

/// A durable crawl: the job store the crawl records its progress in, and whether it resumes.
public struct DurableJob: Sendable {
    /// The store holding the job (the same store the crawl caches responses in).
    public var store: any JobStore
    /// True to continue the store's current job (its queued URLs, known URLs and host states);
    /// false for a job just started, whose seeds the crawl queues.
    public var resume: Bool
    /// The sequence number of the next item: one more than the job's last recorded item.
    public var nextItemSequence: Int64
    /// The run this process recorded with ``JobStore/startRun(at:)``: ended when the crawl ends.
    public var run: Int64?

    public init(store: any JobStore, resume: Bool, nextItemSequence: Int64, run: Int64? = nil) {
        self.store = store
        self.resume = resume
        self.nextItemSequence = nextItemSequence
        self.run = run
    }
}

extension Crawler {
    /// How many known URLs and queued URLs are read per store call while restoring.
    static let restorePage = 50_000

    /// Queued pages each host keeps in memory in a durable crawl; the rest wait in the store.
    public static let queueWindow = 2_048

    /// Loads the job's frontier from `store`: known URLs become duplicates, and each host's
    /// queued pages (those in flight when the last run ended included) are queued again with
    /// their attempts, the first ``queueWindow`` in memory and the rest read back as it drains.
    func restore(from store: any JobStore) async throws {
        var cursor = Int64.min
        var knownCount = 0
        while true {
            let page = try await store.knownURLs(after: cursor, limit: Self.restorePage)
            if page.urls.isEmpty { break }
            await frontier.restoreKnown(page.urls)
            knownCount += page.urls.count
            cursor = page.next
        }
        let window = Self.queueWindow
        var queued: [(task: CrawlTask, attempts: Int)] = []
        var spilled: [(host: String, count: Int, cursor: Int64)] = []
        for (host, count) in try await store.queuedHosts().sorted(by: { $0.key < $1.key }) {
            let entries = try await store.queuedURLs(host: host, after: .min, limit: min(window, count))
            queued += entries.map { (Self.task($0), $0.attempts) }
            if count > entries.count, let last = entries.last {
                spilled.append((host, count - entries.count, last.position))
            }
        }
        let counts = try await store.jobCounts()
        let perHost = counts.hosts.mapValues { $0.done + $0.failed }
        let changes = await frontier.restore(
            queued: queued, finished: counts.done + counts.failed, finishedPerHost: perHost,
            hosts: try await store.hostStates())
        for host in spilled { await frontier.restoreSpilled(host: host.host, spilled: host.count, cursor: host.cursor) }
        for record in changes.records {
            try await pipeline.record(record)
            try await journal.record(record)
        }
        logger.debug(
            "resumed job",
            metadata: ["trawl.known": "\(knownCount)", "trawl.queued": "\(counts.queued)", "trawl.in-memory": "\(queued.count)"])
    }

    /// The reader of a host's spilled pages: commits what is buffered, then reads the store. A
    /// page the frontier counted but whose record is still on its way to the buffer shows up a
    /// moment later, so an empty answer is tried again for up to a second.
    static func refiller(_ store: any JobStore) -> Frontier.Refiller {
        { host, after, limit in
            for _ in 0..<20 {
                try await store.flush()
                let entries = try await store.queuedURLs(host: host, after: after, limit: limit)
                if !entries.isEmpty { return entries.map { task($0) } }
                try await Task.sleep(for: .milliseconds(50))
            }
            return []
        }
    }

    /// Seconds between the commits of a durable crawl's pending writes.
    static let commitInterval: Duration = .seconds(2)

    /// Flushes `store` every ``commitInterval`` until cancelled. A failed flush is left to the
    /// next write or the final close, which report it.
    static func periodicCommits(of store: any JobStore) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do { try await Task.sleep(for: commitInterval) } catch { return }
                try? await store.flush()
            }
        }
    }

    static func task(_ entry: FrontierEntry) -> CrawlTask {
        CrawlTask(
            url: entry.url, hostKey: entry.hostKey, depth: entry.depth, carried: entry.carried, position: entry.position,
            attempt: entry.attempts)
    }
}

/// Set once by ``Crawler/stop()``: a stopped crawl's job is not finished.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}
