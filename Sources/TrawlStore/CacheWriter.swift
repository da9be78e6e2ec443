import Foundation
import Logging
import TrawlCore

/// The writer connection and its cached statements; lives on the store's writer queue.
///
/// Not Sendable: owned by a ``DatabaseQueue``.
final class CacheWriter {
    let connection: SQLiteConnection
    private let logger: Logger
    private var statements: [String: SQLiteStatement] = [:]

    static let upsertResponse = """
        INSERT INTO responses(key, requested_url, final_url, status, headers, body, fetched_at, elapsed)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT(key) DO UPDATE SET
            requested_url = excluded.requested_url, final_url = excluded.final_url,
            status = excluded.status, headers = excluded.headers, body = excluded.body,
            fetched_at = excluded.fetched_at, elapsed = excluded.elapsed
        """

    static let upsertFailure = """
        INSERT INTO failures(key, url, code, detail, failed_at, attempts)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT(key) DO UPDATE SET
            url = excluded.url, code = excluded.code, detail = excluded.detail,
            failed_at = excluded.failed_at, attempts = failures.attempts + excluded.attempts
        """

    init(connection: SQLiteConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// The prepared statement for `sql`, compiled once per connection.
    private func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let statement = try connection.prepare(sql, persistent: true)
        statements[sql] = statement
        return statement
    }

    /// Writes every row of `batch` in one `BEGIN IMMEDIATE` transaction, or none of them.
    func commit(_ batch: WriteBatch) throws(StoreError) {
        let start = DispatchTime.now()
        do throws(SQLiteError) {
            try statement("BEGIN IMMEDIATE").runOnce()
            do throws(SQLiteError) {
                try writeRows(of: batch)
                try statement("COMMIT").runOnce()
            } catch {
                if !connection.isAutocommit { try? statement("ROLLBACK").runOnce() }
                throw error
            }
        } catch {
            logger.debug("batch commit failed", metadata: ["trawl.error": "\(error)"])
            throw StoreError(error, path: connection.path)
        }
        logger.debug(
            "committed batch",
            metadata: [
                "trawl.batch": "\(batch.id)", "trawl.rows": "\(batch.count)",
                "trawl.bytes": "\(batch.bodyBytes)",
                "trawl.ms": "\((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)",
            ])
    }

    private func writeRows(of batch: WriteBatch) throws(SQLiteError) {
        let responses = try statement(Self.upsertResponse)
        for (key, response) in batch.responses {
            defer { responses.reset() }
            try responses.bind(key, at: 1)
            try responses.bind(response.requestedURL, at: 2)
            try responses.bind(response.finalURL, at: 3)
            try responses.bind(Int64(response.status), at: 4)
            try responses.bind(response.headers.serialized, at: 5)
            try responses.bind(response.body, at: 6)
            try responses.bind(response.fetchedAt.timeIntervalSinceReferenceDate, at: 7)
            try responses.bind(response.elapsed, at: 8)
            _ = try responses.step()
        }
        let failures = try statement(Self.upsertFailure)
        for (key, failure) in batch.failures {
            defer { failures.reset() }
            try failures.bind(key, at: 1)
            try failures.bind(failure.url, at: 2)
            try failures.bind(failure.reason.code.rawValue, at: 3)
            try failures.bind(failure.reason.detail, at: 4)
            try failures.bind(failure.failedAt.timeIntervalSinceReferenceDate, at: 5)
            try failures.bind(Int64(failure.attempts), at: 6)
            _ = try failures.step()
        }
    }
}

/// Confined to one thread or queue at a time; see the type's documentation.
@available(*, unavailable)
extension CacheWriter: Sendable {}
