import CTrawlSQLite
import Foundation
import TrawlCore

/// The job writes: the buffered ones a batch applies in call order, and the ones that commit
/// on their own (start a job, update it, start a run). All run on the writer queue.
extension CacheWriter {
    /// A URL without a position of its own (``FrontierEntry/position`` 0: a seed added on resume,
    /// a redirect hop, a blocked page) takes the next position below 2^60. The frontier's
    /// positions are above it (milliseconds since 1970 times 2^20, increasing across runs), so an
    /// automatic position can never take one the frontier hands out later, which would make
    /// `INSERT OR IGNORE` drop that URL. The range search runs on the rowid's b-tree.
    static let freePositionSQL =
        "(SELECT coalesce(max(position), 0) + 1 FROM frontier_url WHERE position < 1152921504606846976)"

    static let insertURLSQL = """
        INSERT OR IGNORE INTO frontier_url(position, job, url, host, depth, state, attempts, parent, carried)
        VALUES (coalesce(?8, \(freePositionSQL)), ?1, ?2, ?3, ?4, 0, ?5, ?6, ?7)
        """

    /// The outcome of a known URL. ``insertOutcomeSQL`` takes the same parameters plus the host.
    static let updateOutcomeSQL = """
        UPDATE frontier_url SET state = ?3, attempts = ?4, reason_code = ?5, reason_detail = ?6,
            run = ?7, recorded_at = ?8
        WHERE job = ?1 AND url = ?2
        """

    static let insertOutcomeSQL = """
        INSERT INTO frontier_url(position, job, url, state, attempts, reason_code, reason_detail, run,
            recorded_at, host, depth)
        VALUES (\(freePositionSQL), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)
        """

    static let insertItemSQL = "INSERT OR REPLACE INTO job_item(job, sequence, url, line) VALUES (?1, ?2, ?3, ?4)"

    static let saveHostStateSQL = """
        INSERT OR REPLACE INTO host_state(job, host, backoff_until, concurrency, extra_delay, crawl_delay)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        """

    static let countRunPagesSQL = """
        UPDATE job_run SET pages = pages + ?2, last_recorded_at = max(coalesce(last_recorded_at, ?3), ?3)
        WHERE id = ?1
        """

    /// Applies the job writes of `batch` in call order, in the open transaction; a run's page
    /// count is updated once per batch.
    func writeJobRows(of batch: WriteBatch) throws(SQLiteError) {
        guard !batch.jobWrites.isEmpty else { return }
        var runPages: [Int64: (pages: Int64, last: Date)] = [:]
        for write in batch.jobWrites {
            switch write {
            case .enqueue(let job, let entries):
                try insert(entries, job: job)
            case .record(let job, let run, let date, let commit):
                try record(commit, job: job, run: run, at: date)
                if let run, commit.state != .queued {
                    let pages = (runPages[run]?.pages ?? 0) + 1
                    runPages[run] = (pages, max(runPages[run]?.last ?? date, date))
                }
            case .hostStates(let job, let states):
                try save(states, job: job)
            case .endRun(let run, let date):
                let update = try statement("UPDATE job_run SET ended_at = ?2 WHERE id = ?1")
                defer { update.reset() }
                try update.bind(run, at: 1)
                try update.bind(date.timeIntervalSinceReferenceDate, at: 2)
                _ = try update.step()
            case .finished(let job, let date):
                let update = try statement("UPDATE job SET finished_at = ?2 WHERE id = ?1")
                defer { update.reset() }
                try update.bind(job, at: 1)
                if let date { try update.bind(date.timeIntervalSinceReferenceDate, at: 2) }
                _ = try update.step()
            }
        }
        let count = try statement(Self.countRunPagesSQL)
        for (run, total) in runPages {
            defer { count.reset() }
            try count.bind(run, at: 1)
            try count.bind(total.pages, at: 2)
            try count.bind(total.last.timeIntervalSinceReferenceDate, at: 3)
            _ = try count.step()
        }
    }

    /// Inserts the URLs of `entries` that `job` does not know, in order, so their positions
    /// follow the order given.
    private func insert(_ entries: [FrontierEntry], job: Int64) throws(SQLiteError) {
        let insert = try statement(Self.insertURLSQL)
        for entry in entries {
            defer { insert.reset() }
            try insert.bind(job, at: 1)
            try insert.bind(entry.url, at: 2)
            try insert.bind(entry.hostKey, at: 3)
            try insert.bind(Int64(entry.depth), at: 4)
            try insert.bind(Int64(entry.attempts), at: 5)
            if let parent = entry.parent { try insert.bind(parent, at: 6) }
            if let carried = JobCoding.encode(entry.carried) { try insert.bind(carried, at: 7) }
            if entry.position != 0 { try insert.bind(entry.position, at: 8) }
            _ = try insert.step()
        }
    }

    /// Sets the outcome of `commit.url` (inserting the URL when unknown), then its items, then
    /// the URLs it discovered.
    ///
    /// Update first: the URL is nearly always known, and the update needs no host.
    private func record(_ commit: PageCommit, job: Int64, run: Int64?, at date: Date) throws(SQLiteError) {
        // The redirect hops the page's task fetched itself are done with it, in this transaction.
        for hop in commit.redirects {
            try record(PageCommit(url: hop, state: .done), job: job, run: nil, at: date)
        }
        if try !setOutcome(commit, job: job, run: run, at: date, insertingWithHost: nil) {
            // A URL the job never queued (a redirect hop, a page blocked by robots.txt): keep
            // its outcome all the same.
            _ = try setOutcome(commit, job: job, run: run, at: date, insertingWithHost: Self.host(of: commit.url))
        }
        let items = try statement(Self.insertItemSQL)
        for item in commit.items {
            defer { items.reset() }
            try items.bind(job, at: 1)
            try items.bind(item.sequence, at: 2)
            try items.bind(item.url, at: 3)
            try items.bind(item.line, at: 4)
            _ = try items.step()
        }
        try insert(commit.discovered, job: job)
    }

    /// Runs ``updateOutcomeSQL`` for `commit`, or ``insertOutcomeSQL`` when given the host to
    /// insert the URL under; true when it changed a row.
    private func setOutcome(
        _ commit: PageCommit, job: Int64, run: Int64?, at date: Date, insertingWithHost host: String?
    ) throws(SQLiteError) -> Bool {
        let row = try statement(host == nil ? Self.updateOutcomeSQL : Self.insertOutcomeSQL)
        defer { row.reset() }
        try row.bind(job, at: 1)
        try row.bind(commit.url, at: 2)
        try row.bind(Int64(commit.state.rawValue), at: 3)
        try row.bind(Int64(commit.attempts), at: 4)
        if let reason = commit.reason {
            try row.bind(reason.code.rawValue, at: 5)
            try row.bind(reason.detail, at: 6)
        }
        // A URL put back in the queue has no outcome yet.
        if commit.state != .queued {
            if let run { try row.bind(run, at: 7) }
            try row.bind(date.timeIntervalSinceReferenceDate, at: 8)
        }
        if let host { try row.bind(host, at: 9) }
        _ = try row.step()
        return sqlite3_changes(connection.handle) > 0
    }

    private func save(_ states: [HostSnapshot], job: Int64) throws(SQLiteError) {
        let save = try statement(Self.saveHostStateSQL)
        for state in states {
            defer { save.reset() }
            try save.bind(job, at: 1)
            try save.bind(state.hostKey, at: 2)
            if let until = state.backoffUntil { try save.bind(until.timeIntervalSinceReferenceDate, at: 3) }
            try save.bind(Int64(state.concurrency), at: 4)
            try save.bind(state.extraDelay, at: 5)
            try save.bind(state.crawlDelay, at: 6)
            _ = try save.step()
        }
    }

    // MARK: Committed on their own

    /// The id of the current job, or nil.
    func currentJobID() throws(StoreError) -> Int64? {
        do throws(SQLiteError) {
            return try connection.integer("SELECT max(id) FROM job")
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }

    /// Deletes the earlier job with everything it recorded (its cached responses stay), then
    /// creates the new one with `seeds` queued; one transaction. Returns the new job's id.
    func startJob(settings: JobSettings, seeds: [FrontierEntry], at date: Date) throws(StoreError) -> Int64 {
        var id: Int64 = 0
        try transaction { () throws(SQLiteError) in
            // Without a WHERE clause SQLite empties a table at once rather than row by row.
            try connection.execute(
                """
                DELETE FROM frontier_url; DELETE FROM job_item; DELETE FROM host_state;
                DELETE FROM job_run; DELETE FROM job;
                """)
            let insert = try statement("INSERT INTO job(settings, created_at) VALUES (?1, ?2)")
            try insert.bind(JobCoding.encode(settings), at: 1)
            try insert.bind(date.timeIntervalSinceReferenceDate, at: 2)
            try insert.runOnce()
            id = sqlite3_last_insert_rowid(connection.handle)
            try self.insert(seeds, job: id)
        }
        return id
    }

    /// Replaces the settings of job `job` and queues the seeds it does not know; one transaction.
    func updateJob(_ job: Int64, settings: JobSettings, seeds: [FrontierEntry]) throws(StoreError) {
        try transaction { () throws(SQLiteError) in
            let update = try statement("UPDATE job SET settings = ?2 WHERE id = ?1")
            try update.bind(job, at: 1)
            try update.bind(JobCoding.encode(settings), at: 2)
            try update.runOnce()
            try insert(seeds, job: job)
        }
    }

    /// Records the start of a run of job `job`; returns the run's id.
    func startRun(of job: Int64, at date: Date) throws(StoreError) -> Int64 {
        var id: Int64 = 0
        try transaction { () throws(SQLiteError) in
            let insert = try statement("INSERT INTO job_run(job, started_at) VALUES (?1, ?2)")
            try insert.bind(job, at: 1)
            try insert.bind(date.timeIntervalSinceReferenceDate, at: 2)
            try insert.runOnce()
            id = sqlite3_last_insert_rowid(connection.handle)
        }
        return id
    }
}
