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

    /// Loads the job's frontier from `store`: known URLs become duplicates, queued ones (those
    /// in flight when the last run ended included) are queued again with their attempts.
    func restore(from store: any JobStore) async throws {
        var known: [String] = []
        var cursor: Int64 = 0
        while true {
            let page = try await store.knownURLs(after: cursor, limit: Self.restorePage)
            if page.urls.isEmpty { break }
            known.append(contentsOf: page.urls)
            cursor = page.next
        }
        var queued: [(task: CrawlTask, attempts: Int)] = []
        for host in try await store.queuedHosts().keys.sorted() {
            var after: Int64 = 0
            while true {
                let window = try await store.queuedURLs(host: host, after: after, limit: Self.restorePage)
                guard let last = window.last else { break }
                for entry in window {
                    queued.append((CrawlTask(url: entry.url, hostKey: entry.hostKey, depth: entry.depth, carried: entry.carried), entry.attempts))
                }
                after = last.position
            }
        }
        let counts = try await store.jobCounts()
        let perHost = counts.hosts.mapValues { $0.done + $0.failed }
        let changes = await frontier.restore(
            queued: queued, known: known, finished: counts.done + counts.failed, finishedPerHost: perHost,
            hosts: try await store.hostStates())
        for record in changes.records {
            try await pipeline.record(record)
            try await journal.record(record)
        }
        logger.debug("resumed job", metadata: ["trawl.known": "\(known.count)", "trawl.queued": "\(queued.count)"])
    }
}

/// Set once by ``Crawler/stop()``: a stopped crawl's job is not finished.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}
