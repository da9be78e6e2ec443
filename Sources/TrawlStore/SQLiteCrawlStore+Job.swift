import Foundation
import TrawlCore

/// The durable frontier in the cache database (tables: see `CacheSchema.jobTablesSQL`).
///
/// Buffered job writes share the write buffer with responses and failures: they commit in call
/// order in the same batch transactions, a ``PageCommit`` whole, and count toward the batch
/// size one row per URL or item they write. The calls "committed on return" flush first, then
/// commit on the writer queue; they are not meant to race other writes of the same store.
/// Reads run on the reader queue and see committed state; a read-only store answers every read
/// (beside a running crawl) and throws `.readOnly` on every write.
///
/// Threading: every method may be called from any task; no SQLite call runs on the caller's.
extension SQLiteCrawlStore: JobStore {
    // MARK: Committed on return

    public func startJob(settings: JobSettings, seeds: [FrontierEntry]) async throws(StoreError) -> CrawlJob {
        let writer = try requireWriter()
        try await flush()
        let created = Date()
        let id = try await writer.run { writer throws(StoreError) in
            try writer.startJob(settings: settings, seeds: seeds, at: created)
        }
        jobContext.start(job: id)
        return CrawlJob(id: id, settings: settings, createdAt: created, finishedAt: nil)
    }

    public func updateJob(settings: JobSettings, seeds: [FrontierEntry]) async throws(StoreError) {
        let writer = try requireWriter()
        let job = try await currentIDs().job
        try await flush()
        try await writer.run { writer throws(StoreError) in
            try writer.updateJob(job, settings: settings, seeds: seeds)
        }
    }

    public func startRun(at date: Date) async throws(StoreError) -> Int64 {
        let writer = try requireWriter()
        let job = try await currentIDs().job
        try await flush()
        let run = try await writer.run { writer throws(StoreError) in try writer.startRun(of: job, at: date) }
        jobContext.startRun(run)
        return run
    }

    // MARK: Buffered

    public func endRun(_ run: Int64, at date: Date) async throws(StoreError) {
        try requireWriter()
        jobContext.endRun(run)
        try await add { $0.add(.endRun(run: run, at: date)) }
    }

    public func setJobFinished(_ finished: Bool, at date: Date) async throws(StoreError) {
        let job = try await currentIDs().job
        try await add { $0.add(.finished(job: job, at: finished ? date : nil)) }
    }

    public func enqueue(_ entries: [FrontierEntry]) async throws(StoreError) {
        let job = try await currentIDs().job
        guard !entries.isEmpty else { return }
        try await add { $0.add(.enqueue(job: job, entries: entries)) }
    }

    public func record(_ commit: PageCommit) async throws(StoreError) {
        let (job, run) = try await currentIDs()
        let now = Date()
        try await add { $0.add(.record(job: job, run: run, at: now, commit: commit)) }
    }

    public func saveHostStates(_ states: [HostSnapshot]) async throws(StoreError) {
        let job = try await currentIDs().job
        guard !states.isEmpty else { return }
        try await add { $0.add(.hostStates(job: job, states: states)) }
    }

    /// The job and run to write for: `.readOnly` on a read-only store, `.noJob` before any job.
    /// The first call reads the job id on the writer queue.
    private func currentIDs() async throws(StoreError) -> (job: Int64, run: Int64?) {
        let writer = try requireWriter()
        if jobContext.current == nil {
            let loaded = try await writer.run { writer throws(StoreError) in try writer.currentJobID() }
            jobContext.load(job: loaded)
        }
        guard let current = jobContext.current, let job = current.job else {
            throw StoreError(.noJob, path: path, message: "start a job before writing to it")
        }
        return (job, current.run)
    }

    // MARK: Reads

    public func currentJob() async throws(StoreError) -> CrawlJob? {
        try await reader.run { reader throws(StoreError) in try reader.currentJob() }
    }

    public func hostStates() async throws(StoreError) -> [HostSnapshot] {
        try await reader.run { reader throws(StoreError) in try reader.hostStates() }
    }

    public func queuedURLs(host hostKey: String, after: Int64, limit: Int) async throws(StoreError) -> [FrontierEntry] {
        try await reader.run { reader throws(StoreError) in
            try reader.queuedURLs(host: hostKey, after: after, limit: limit)
        }
    }

    public func queuedHosts() async throws(StoreError) -> [String: Int] {
        try await reader.run { reader throws(StoreError) in try reader.queuedHosts() }
    }

    public func areKnown(_ urls: [String]) async throws(StoreError) -> [Bool] {
        try await reader.run { reader throws(StoreError) in try reader.areKnown(urls) }
    }

    public func knownURLs(after: Int64, limit: Int) async throws(StoreError) -> (urls: [String], next: Int64) {
        try await reader.run { reader throws(StoreError) in try reader.knownURLs(after: after, limit: limit) }
    }

    public func jobCounts() async throws(StoreError) -> JobCounts {
        try await reader.run { reader throws(StoreError) in try reader.jobCounts() }
    }

    public func items(after: Int64, limit: Int) async throws(StoreError) -> [RecordedItem] {
        try await reader.run { reader throws(StoreError) in try reader.items(after: after, limit: limit) }
    }

    public func runs() async throws(StoreError) -> [JobRun] {
        try await reader.run { reader throws(StoreError) in try reader.runs() }
    }
}
