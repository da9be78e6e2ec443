import Foundation
import Logging
import TrawlCore

extension CacheSchema {
    /// The job tables: the durable frontier of ``JobStore``.
    ///
    /// - `job`: the current job (one at a time; `startJob` deletes the earlier one). `settings`
    ///   is JSON text, `{"seeds":[…],"values":{…}}`. AUTOINCREMENT so that a replaced job's id
    ///   never names the next one.
    /// - `job_run`: one process lifetime, with the pages it recorded and when the last one was,
    ///   counted as the pages commit so that `trawl status` never scans the URLs.
    /// - `frontier_url`: every URL the job knows, once (`UNIQUE(job, url)` is the seen set).
    ///   `position` is the rowid: assigned at the first insert, increasing, so queue order is
    ///   insert order. `frontier_url_queue` needs no `position` column of its own because every
    ///   index ends with the rowid: a host's queued URLs sit in it in queue order, which makes a
    ///   queue window one index range. `state` is a `URLState` raw value; `carried` is a JSON
    ///   object of the carried fields in order, NULL when none; `run` and `recorded_at` say when
    ///   the outcome was recorded.
    /// - `job_item`: the items in output order, each with the JSON line the output file holds.
    /// - `host_state`: the scheduler state of a host that survives a restart.
    ///
    /// Times are seconds since 2001-01-01 UTC, like the cache's.
    static let jobTablesSQL = """
        CREATE TABLE job(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            settings TEXT NOT NULL,
            created_at REAL NOT NULL,
            finished_at REAL
        );
        CREATE TABLE job_run(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job INTEGER NOT NULL,
            started_at REAL NOT NULL,
            ended_at REAL,
            pages INTEGER NOT NULL DEFAULT 0,
            last_recorded_at REAL
        );
        CREATE TABLE frontier_url(
            position INTEGER PRIMARY KEY,
            job INTEGER NOT NULL,
            url TEXT NOT NULL,
            host TEXT NOT NULL,
            depth INTEGER NOT NULL,
            state INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            reason_code TEXT,
            reason_detail TEXT,
            parent TEXT,
            carried TEXT,
            run INTEGER,
            recorded_at REAL,
            UNIQUE(job, url)
        );
        CREATE INDEX frontier_url_queue ON frontier_url(job, state, host);
        CREATE TABLE job_item(
            job INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            url TEXT NOT NULL,
            line TEXT NOT NULL,
            PRIMARY KEY(job, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE host_state(
            job INTEGER NOT NULL,
            host TEXT NOT NULL,
            backoff_until REAL,
            concurrency INTEGER NOT NULL,
            extra_delay REAL NOT NULL,
            crawl_delay REAL NOT NULL,
            PRIMARY KEY(job, host)
        ) WITHOUT ROWID;
        """

    /// Migration 3: adds the job tables (``jobTablesSQL``); the cache's tables are untouched.
    /// Runs inside the migration's transaction.
    static func migrateToJobTables(_ connection: SQLiteConnection, logger: Logger) throws(StoreError) {
        do throws(SQLiteError) {
            try connection.execute(jobTablesSQL)
            logger.debug("added the job tables")
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }
}
