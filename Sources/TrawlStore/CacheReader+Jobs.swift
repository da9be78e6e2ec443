import Foundation
import TrawlCore

/// The job reads of ``SQLiteCrawlStore``'s ``JobStore`` conformance; run on the reader queue and
/// see committed state only. Each read asks for the current job first, so a store opened
/// read-only beside a crawl follows a job the crawl replaces. Rows with wrong-typed columns are
/// skipped, like the cache's.
extension CacheReader {
    static let selectQueuedSQL = """
        SELECT position, url, depth, attempts, parent, carried FROM frontier_url
        WHERE job = ?1 AND state = 0 AND host = ?2 AND position > ?3
        ORDER BY position LIMIT ?4
        """

    /// Runs `read` with the current job's id; returns `empty` when the cache holds no job.
    private func withJob<T>(
        _ empty: T, _ read: (Int64) throws(SQLiteError) -> T
    ) throws(StoreError) -> T {
        do throws(SQLiteError) {
            let select = try statement("SELECT max(id) FROM job")
            defer { select.reset() }
            guard try select.step(), let job = select.int64(at: 0) else { return empty }
            select.reset()
            return try read(job)
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }

    /// The current job; a job whose settings do not parse is `.corrupt`.
    func currentJob() throws(StoreError) -> CrawlJob? {
        let row: (id: Int64?, settings: String?, created: Double?, finished: Double?)
        do throws(SQLiteError) {
            let select = try statement("SELECT id, settings, created_at, finished_at FROM job ORDER BY id DESC LIMIT 1")
            defer { select.reset() }
            guard try select.step() else { return nil }
            row = (select.int64(at: 0), select.text(at: 1), select.double(at: 2), select.double(at: 3))
        } catch {
            throw StoreError(error, path: connection.path)
        }
        guard let id = row.id, let created = row.created, let text = row.settings,
            let settings = JobCoding.decodeSettings(text)
        else {
            throw StoreError(.corrupt, path: connection.path, message: "the job row is malformed")
        }
        return CrawlJob(
            id: id, settings: settings, createdAt: Date(timeIntervalSinceReferenceDate: created),
            finishedAt: row.finished.map { Date(timeIntervalSinceReferenceDate: $0) })
    }

    func hostStates() throws(StoreError) -> [HostSnapshot] {
        try withJob([]) { job throws(SQLiteError) in
            let select = try statement(
                """
                SELECT host, backoff_until, concurrency, extra_delay, crawl_delay FROM host_state
                WHERE job = ?1 ORDER BY host
                """)
            defer { select.reset() }
            try select.bind(job, at: 1)
            var states: [HostSnapshot] = []
            while try select.step() {
                guard let host = select.text(at: 0), let concurrency = select.int64(at: 2),
                    let extraDelay = select.double(at: 3), let crawlDelay = select.double(at: 4)
                else { continue }
                states.append(
                    HostSnapshot(
                        hostKey: host, backoffUntil: select.double(at: 1).map { Date(timeIntervalSinceReferenceDate: $0) },
                        concurrency: Int(clamping: concurrency), extraDelay: extraDelay, crawlDelay: crawlDelay))
            }
            return states
        }
    }

    func queuedURLs(host: String, after: Int64, limit: Int) throws(StoreError) -> [FrontierEntry] {
        guard limit > 0 else { return [] }
        return try withJob([]) { job throws(SQLiteError) in
            let select = try statement(Self.selectQueuedSQL)
            defer { select.reset() }
            try select.bind(job, at: 1)
            try select.bind(host, at: 2)
            try select.bind(after, at: 3)
            try select.bind(Int64(limit), at: 4)
            var entries: [FrontierEntry] = []
            while try select.step() {
                guard let position = select.int64(at: 0), let url = select.text(at: 1),
                    let depth = select.int64(at: 2), let attempts = select.int64(at: 3)
                else { continue }
                entries.append(
                    FrontierEntry(
                        url: url, hostKey: host, depth: Int(clamping: depth), attempts: Int(clamping: attempts),
                        parent: select.text(at: 4), carried: JobCoding.decodeCarried(select.text(at: 5)),
                        position: position))
            }
            return entries
        }
    }

    func queuedHosts() throws(StoreError) -> [String: Int] {
        try withJob([:]) { job throws(SQLiteError) in
            let select = try statement("SELECT host, count(*) FROM frontier_url WHERE job = ?1 AND state = 0 GROUP BY host")
            defer { select.reset() }
            try select.bind(job, at: 1)
            var hosts: [String: Int] = [:]
            while try select.step() {
                guard let host = select.text(at: 0), let count = select.int64(at: 1) else { continue }
                hosts[host] = Int(clamping: count)
            }
            return hosts
        }
    }

    func areKnown(_ urls: [String]) throws(StoreError) -> [Bool] {
        guard !urls.isEmpty else { return [] }
        return try withJob(urls.map { _ in false }) { job throws(SQLiteError) in
            // One prepared lookup per URL: each is a probe of the unique index, which is what an
            // `IN (…)` list would do too, without building SQL of varying length.
            let select = try statement("SELECT 1 FROM frontier_url WHERE job = ?1 AND url = ?2")
            var known: [Bool] = []
            known.reserveCapacity(urls.count)
            for url in urls {
                defer { select.reset() }
                try select.bind(job, at: 1)
                try select.bind(url, at: 2)
                known.append(try select.step())
            }
            return known
        }
    }

    func knownURLs(after: Int64, limit: Int) throws(StoreError) -> (urls: [String], next: Int64) {
        guard limit > 0 else { return ([], after) }
        return try withJob(([], after)) { job throws(SQLiteError) in
            // A walk of the table in rowid order: left to itself, the planner would take the
            // (job, url) index and sort the whole job for every page.
            let select = try statement(
                """
                SELECT position, url FROM frontier_url NOT INDEXED
                WHERE position > ?2 AND job = ?1 ORDER BY position LIMIT ?3
                """)
            defer { select.reset() }
            try select.bind(job, at: 1)
            try select.bind(after, at: 2)
            try select.bind(Int64(limit), at: 3)
            var urls: [String] = []
            var next = after
            while try select.step() {
                guard let position = select.int64(at: 0) else { continue }
                next = position
                if let url = select.text(at: 1) { urls.append(url) }
            }
            return (urls, next)
        }
    }

    func jobCounts() throws(StoreError) -> JobCounts {
        try withJob(JobCounts()) { job throws(SQLiteError) in
            var counts = JobCounts()
            let select = try statement(
                "SELECT state, host, count(*) FROM frontier_url WHERE job = ?1 GROUP BY state, host")
            defer { select.reset() }
            try select.bind(job, at: 1)
            while try select.step() {
                guard let raw = select.int64(at: 0), let state = URLState(rawValue: Int(clamping: raw)),
                    let name = select.text(at: 1), let count = select.int64(at: 2).map({ Int(clamping: $0) })
                else { continue }
                var host = counts.hosts[name, default: HostCounts()]
                switch state {
                case .queued: counts.queued += count; host.queued += count
                case .done: counts.done += count; host.done += count
                case .failed: counts.failed += count; host.failed += count
                }
                counts.hosts[name] = host
            }
            let items = try statement("SELECT count(*) FROM job_item WHERE job = ?1")
            defer { items.reset() }
            try items.bind(job, at: 1)
            if try items.step() { counts.items = Int(clamping: items.int64(at: 0) ?? 0) }
            return counts
        }
    }

    func items(after: Int64, limit: Int) throws(StoreError) -> [RecordedItem] {
        guard limit > 0 else { return [] }
        return try withJob([]) { job throws(SQLiteError) in
            let select = try statement(
                "SELECT sequence, url, line FROM job_item WHERE job = ?1 AND sequence > ?2 ORDER BY sequence LIMIT ?3")
            defer { select.reset() }
            try select.bind(job, at: 1)
            try select.bind(after, at: 2)
            try select.bind(Int64(limit), at: 3)
            var items: [RecordedItem] = []
            while try select.step() {
                guard let sequence = select.int64(at: 0), let url = select.text(at: 1), let line = select.text(at: 2)
                else { continue }
                items.append(RecordedItem(sequence: sequence, url: url, line: line))
            }
            return items
        }
    }

    func runs() throws(StoreError) -> [JobRun] {
        try withJob([]) { job throws(SQLiteError) in
            let select = try statement(
                "SELECT id, started_at, ended_at, pages, last_recorded_at FROM job_run WHERE job = ?1 ORDER BY id")
            defer { select.reset() }
            try select.bind(job, at: 1)
            var runs: [JobRun] = []
            while try select.step() {
                guard let id = select.int64(at: 0), let started = select.double(at: 1), let pages = select.int64(at: 3)
                else { continue }
                runs.append(
                    JobRun(
                        id: id, startedAt: Date(timeIntervalSinceReferenceDate: started),
                        endedAt: select.double(at: 2).map { Date(timeIntervalSinceReferenceDate: $0) },
                        pages: Int(clamping: pages),
                        lastRecordedAt: select.double(at: 4).map { Date(timeIntervalSinceReferenceDate: $0) }))
            }
            return runs
        }
    }
}
