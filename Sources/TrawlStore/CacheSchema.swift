import CTrawlSQLite
import Foundation
import Logging
import TrawlCore

/// The layout of a Trawl cache and the checks and migrations that open one safely.
///
/// Opening never writes before validating: a file that is not SQLite, or an SQLite database
/// of another application, is refused and left byte-for-byte untouched.
enum CacheSchema {
    /// `PRAGMA application_id` of every Trawl cache: "TRWL" in ASCII.
    static let applicationID: Int64 = 0x5452_574C

    /// Migrations in order: migration `n` takes the schema from `user_version` n - 1 to n.
    /// Append only; never edit a migration that has shipped.
    ///
    /// Times (`fetched_at`, `failed_at`) are seconds since 2001-01-01 UTC, Foundation's reference
    /// date, because that is what `Date` holds: converting to the Unix epoch and back changes the
    /// last bit about half the time, and a cached `Response` must compare equal to the stored one.
    /// In SQL, `datetime(fetched_at + 978307200, 'unixepoch')` reads them.
    private static func migrate(
        to version: Int64, _ connection: SQLiteConnection, logger: Logger
    ) throws(StoreError) {
        switch version {
        case 1:
            // Responses and failures, bodies in the response rows (the foundation-era schema).
            do throws(SQLiteError) {
                try connection.execute(version1SQL)
            } catch {
                throw StoreError(error, path: connection.path)
            }
        case 2:
            // Bodies deduplicated into zstd packs; see `version2SQL`. The foundation-era bodies
            // wait in `responses_v1` until every migration has run (`moveVersion1Bodies`).
            try execute(version2SQL, connection)
        case 3:
            // The durable frontier's job tables; see `jobTablesSQL`.
            try migrateToJobTables(connection, logger: logger)
        case 4:
            // Packs compressed against their host's base pack, and 304 revalidation times; see
            // `packBasesSQL`.
            try execute(packBasesSQL, connection)
        default:
            throw StoreError(.sqlite, path: connection.path, message: "no migration to schema \(version)")
        }
    }

    private static func execute(_ sql: String, _ connection: SQLiteConnection) throws(StoreError) {
        do throws(SQLiteError) {
            try connection.execute(sql)
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }

    static let version1SQL = """
        CREATE TABLE responses(
            key TEXT PRIMARY KEY,
            requested_url TEXT NOT NULL,
            final_url TEXT NOT NULL,
            status INTEGER NOT NULL,
            headers TEXT NOT NULL,
            body BLOB NOT NULL,
            fetched_at REAL NOT NULL,
            elapsed REAL NOT NULL
        );
        CREATE TABLE failures(
            key TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            code TEXT NOT NULL,
            detail TEXT NOT NULL,
            failed_at REAL NOT NULL,
            attempts INTEGER NOT NULL
        );
        """

    /// The schema version this build writes: the last migration's number.
    static let currentVersion: Int64 = 4

    /// Reads only: checks that `connection` holds a Trawl cache (or nothing yet) whose schema
    /// this build knows, and returns its schema version.
    ///
    /// - Throws: `.notACache` for a non-SQLite file or a foreign database, `.newerVersion` naming
    ///   the Trawl that wrote it, `.corrupt`, `.locked`.
    @discardableResult
    static func validate(_ connection: SQLiteConnection) throws(StoreError) -> Int64 {
        let path = connection.path
        let objects: Int64, applicationID: Int64, version: Int64
        do throws(SQLiteError) {
            // The first statement is where SQLite notices a file that is not a database.
            objects = try connection.integer("SELECT count(*) FROM sqlite_schema") ?? 0
            applicationID = try connection.integer("PRAGMA application_id") ?? 0
            version = try connection.integer("PRAGMA user_version") ?? 0
        } catch {
            throw StoreError(error, path: path)
        }
        if applicationID == 0 && objects == 0 { return 0 }  // a new, empty database
        guard applicationID == Self.applicationID else {
            let owner = applicationID == 0 ? "no application id" : "application id \(applicationID)"
            throw StoreError(.notACache, path: path, message: "an SQLite database with \(owner)")
        }
        guard version <= currentVersion else {
            // `meta` exists from schema 2 on, and a newer schema is expected to keep it.
            let writer = (try? connection.text("SELECT value FROM meta WHERE key = 'trawl_version'"))
                .map { "Trawl \($0)" } ?? "an unknown Trawl"
            throw StoreError(
                .newerVersion, path: path,
                message: "schema version \(version) made by \(writer); "
                    + "this Trawl \(TrawlVersion.current) knows up to schema \(currentVersion)")
        }
        return version
    }

    /// Validates the database behind `connection`, then switches it to WAL and migrates it.
    ///
    /// A migration from the foundation-era schema ends with a `VACUUM`, which returns the space
    /// the uncompressed bodies took to the file system.
    ///
    /// - Throws: what ``validate(_:)`` throws, `.locked` when another connection holds the
    ///   SQLite write lock past the busy timeout.
    static func prepare(_ connection: SQLiteConnection, logger: Logger) throws(StoreError) {
        let path = connection.path
        try validate(connection)
        do throws(SQLiteError) {
            let mode = try connection.text("PRAGMA journal_mode=WAL")
            guard mode?.lowercased() == "wal" else {
                throw SQLiteError(extendedCode: SQLITE_IOERR, message: "cannot switch to WAL (journal mode is \(mode ?? "?"))")
            }
            try connection.execute("PRAGMA synchronous=NORMAL")
            try connection.execute("PRAGMA foreign_keys=ON")
            // The job tables of a crawl that knows millions of URLs outgrow the default 2 MB page
            // cache: every insert into the URL index would then read pages back from the file.
            try connection.execute("PRAGMA cache_size=-16384")
        } catch {
            throw StoreError(error, path: path)
        }
        let migratedFrom = try migrate(connection, logger: logger)
        if migratedFrom == 1 {
            // Best effort: a reader beside us makes it fail, and the cache works without it.
            do throws(SQLiteError) {
                try connection.execute("VACUUM")
            } catch {
                logger.debug("vacuum after migration failed", metadata: ["trawl.error": "\(error)"])
            }
        }
    }

    /// Validates a cache opened read-only: it must exist with exactly this build's schema,
    /// since a read-only open cannot migrate.
    static func prepareReadOnly(_ connection: SQLiteConnection) throws(StoreError) {
        let version = try validate(connection)
        guard version == currentVersion else {
            throw StoreError(
                .olderVersion, path: connection.path,
                message: "schema version \(version), this Trawl writes \(currentVersion); open it once for writing")
        }
    }

    /// Runs the missing migrations in one `BEGIN IMMEDIATE` transaction; returns the version
    /// migrated from, or nil when nothing was missing.
    ///
    /// The transaction runs even when nothing is missing: taking the SQLite write lock at open
    /// tells a writer that is not a Trawl store (say, an `sqlite3` shell) apart from a free cache.
    private static func migrate(_ connection: SQLiteConnection, logger: Logger) throws(StoreError) -> Int64? {
        let path = connection.path
        do throws(SQLiteError) {
            try connection.execute("BEGIN IMMEDIATE")
        } catch {
            throw StoreError(error, path: path)
        }
        do throws(StoreError) {
            var version: Int64 = 0
            do throws(SQLiteError) {
                version = try connection.integer("PRAGMA user_version") ?? 0
            } catch {
                throw StoreError(error, path: path)
            }
            // Checked again under the lock: another Trawl may have migrated since `validate`.
            guard version <= currentVersion else {
                try validate(connection)
                throw StoreError(.newerVersion, path: path, message: "schema version \(version)")
            }
            let missing = version < currentVersion
            for next in stride(from: version + 1, through: currentVersion, by: 1) {
                try migrate(to: next, connection, logger: logger)
            }
            // Moved by this build's writer, so into this build's layout.
            if missing && version < 2 { try moveVersion1Bodies(connection, logger: logger) }
            do throws(SQLiteError) {
                if missing {
                    // PRAGMA takes no bound parameters; both values are integer constants of this file.
                    try connection.execute("PRAGMA application_id=\(applicationID)")
                    try connection.execute("PRAGMA user_version=\(currentVersion)")
                    let meta = try connection.prepare(
                        "INSERT OR REPLACE INTO meta(key, value) VALUES ('trawl_version', ?1)")
                    try meta.bind(TrawlVersion.current, at: 1)
                    _ = try meta.step()
                    logger.debug(
                        "migrated cache schema",
                        metadata: ["trawl.from": "\(version)", "trawl.to": "\(currentVersion)"])
                }
                try connection.execute("COMMIT")
            } catch {
                throw StoreError(error, path: path)
            }
            return missing ? version : nil
        } catch {
            if !connection.isAutocommit { try? connection.execute("ROLLBACK") }
            throw error
        }
    }
}
