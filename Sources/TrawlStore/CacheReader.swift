import Foundation
import Logging
import TrawlCore

/// The reader connection and its cached statements; lives on the store's reader queue.
///
/// WAL lets it read the last committed state while the writer commits. Not Sendable: owned by
/// a ``DatabaseQueue``.
final class CacheReader {
    private let connection: SQLiteConnection
    private let logger: Logger
    private var selectResponse: SQLiteStatement?

    static let selectResponseSQL = """
        SELECT requested_url, final_url, status, headers, body, fetched_at, elapsed
        FROM responses WHERE key = ?1
        """

    init(connection: SQLiteConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// The committed response for `key`; nil when there is none or its row is malformed.
    func response(forKey key: String) throws(StoreError) -> Response? {
        do throws(SQLiteError) {
            let statement = try preparedSelect()
            defer { statement.reset() }
            try statement.bind(key, at: 1)
            guard try statement.step() else { return nil }
            guard let response = Self.decodeResponse(statement) else {
                logger.debug("malformed cache row is a miss", metadata: ["trawl.key": "\(key)"])
                return nil
            }
            return response
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }

    private func preparedSelect() throws(SQLiteError) -> SQLiteStatement {
        if let selectResponse { return selectResponse }
        let statement = try connection.prepare(Self.selectResponseSQL, persistent: true)
        selectResponse = statement
        return statement
    }

    /// A response from the current row, or nil when any column is NULL or of the wrong type.
    private static func decodeResponse(_ row: SQLiteStatement) -> Response? {
        guard let requestedURL = row.text(at: 0),
            let finalURL = row.text(at: 1),
            let status = row.int64(at: 2), let statusInt = Int(exactly: status),
            let headers = row.text(at: 3),
            let body = row.blob(at: 4),
            let fetchedAt = row.double(at: 5), fetchedAt.isFinite,
            let elapsed = row.double(at: 6)
        else { return nil }
        return Response(
            requestedURL: requestedURL, finalURL: finalURL, status: statusInt,
            headers: HTTPHeaders(serialized: headers), body: body,
            fetchedAt: Date(timeIntervalSinceReferenceDate: fetchedAt), elapsed: elapsed)
    }

    /// Row counts and body bytes of what is committed, plus the size of the files on disk.
    func statistics() throws(StoreError) -> StoreStatistics {
        do throws(SQLiteError) {
            let responses = try connection.prepare(
                "SELECT count(*), coalesce(sum(length(body)), 0) FROM responses")
            _ = try responses.step()
            let failures = try connection.integer("SELECT count(*) FROM failures") ?? 0
            return StoreStatistics(
                responses: Int(responses.int64(at: 0) ?? 0), failures: Int(failures),
                bodyBytes: responses.int64(at: 1) ?? 0,
                fileBytes: Self.fileSize(connection.path) + Self.fileSize(connection.path + "-wal"))
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }

    private static func fileSize(_ path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }
}

/// Confined to one thread or queue at a time; see the type's documentation.
@available(*, unavailable)
extension CacheReader: Sendable {}
