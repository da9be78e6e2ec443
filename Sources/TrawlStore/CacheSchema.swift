import Foundation
import Logging

/// The layout of a Trawl cache and the checks and migrations that open one safely.
///
/// Opening never writes before validating: a file that is not SQLite, or an SQLite database
/// of another application, is refused and left byte-for-byte untouched.
enum CacheSchema {
    /// `PRAGMA application_id` of every Trawl cache: "TRWL" in ASCII.
    static let applicationID: Int64 = 0x5452_574C

    /// Migrations in order: entry `n` takes the schema from `user_version` n to n + 1.
    /// Append only; never edit a migration that has shipped.
    ///
    /// Times (`fetched_at`, `failed_at`) are seconds since 2001-01-01 UTC, Foundation's reference
    /// date, because that is what `Date` holds: converting to the Unix epoch and back changes the
    /// last bit about half the time, and a cached `Response` must compare equal to the stored one.
    /// In SQL, `datetime(fetched_at + 978307200, 'unixepoch')` reads them.
    static let migrations: [String] = [
        // 1: responses and failures. (The frontier and job tables come as migration 2.)
        """
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
    ]

    /// The schema version this build writes.
    static var currentVersion: Int64 { Int64(migrations.count) }

    /// Validates the database behind `connection`, then switches it to WAL and migrates it.
    ///
    /// - Throws: `.notACache` for a non-SQLite file or a foreign database, `.newerVersion`,
    ///   `.corrupt`, `.locked` when another writer holds the lock past the busy timeout.
    static func prepare(_ connection: SQLiteConnection, logger: Logger) throws(StoreError) {
        let path = connection.path
        do {
            // Reads only: the first statement is where SQLite notices a file that is not a database.
            let objects = try connection.integer("SELECT count(*) FROM sqlite_schema") ?? 0
            let applicationID = try connection.integer("PRAGMA application_id") ?? 0
            let version = try connection.integer("PRAGMA user_version") ?? 0
            try validate(objects: objects, applicationID: applicationID, version: version, path: path)

            let mode = try connection.text("PRAGMA journal_mode=WAL")
            guard mode?.lowercased() == "wal" else {
                throw StoreError(.io, path: path, message: "cannot switch to WAL (journal mode is \(mode ?? "?"))")
            }
            try connection.execute("PRAGMA synchronous=NORMAL")
            try connection.execute("PRAGMA foreign_keys=ON")
            try migrate(connection, logger: logger)
        } catch let error as SQLiteError {
            throw StoreError(error, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.sqlite, path: path, message: "\(error)")
        }
    }

    private static func validate(
        objects: Int64, applicationID: Int64, version: Int64, path: String
    ) throws(StoreError) {
        if applicationID == 0 && objects == 0 { return }  // a new, empty database
        guard applicationID == Self.applicationID else {
            let owner = applicationID == 0 ? "no application id" : "application id \(applicationID)"
            throw StoreError(.notACache, path: path, message: "an SQLite database with \(owner)")
        }
        guard version <= currentVersion else {
            throw StoreError(
                .newerVersion, path: path,
                message: "schema version \(version), this Trawl knows up to \(currentVersion)")
        }
    }

    /// Runs the missing migrations in one `BEGIN IMMEDIATE` transaction.
    ///
    /// The transaction runs even when nothing is missing: taking the write lock at open is what
    /// tells a second crawl that another process is writing this cache.
    private static func migrate(_ connection: SQLiteConnection, logger: Logger) throws(SQLiteError) {
        try connection.execute("BEGIN IMMEDIATE")
        do throws(SQLiteError) {
            let version = try connection.integer("PRAGMA user_version") ?? 0
            if version < currentVersion {
                for (index, migration) in migrations.enumerated() where Int64(index) >= version {
                    try connection.execute(migration)
                }
                // PRAGMA takes no bound parameters; both values are integer constants of this file.
                try connection.execute("PRAGMA application_id=\(applicationID)")
                try connection.execute("PRAGMA user_version=\(currentVersion)")
                logger.debug(
                    "migrated cache schema",
                    metadata: ["trawl.from": "\(version)", "trawl.to": "\(currentVersion)"])
            }
            try connection.execute("COMMIT")
        } catch {
            if !connection.isAutocommit { try? connection.execute("ROLLBACK") }
            throw error
        }
    }
}
