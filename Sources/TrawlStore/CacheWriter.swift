import Foundation
import Logging
import TrawlCore

/// The writer connection, its cached statements and the pack writer; lives on the store's
/// writer queue.
///
/// Compression and hashing run here, on the writer's thread, never on the crawl's workers.
/// Holds the cache's ``CacheLock`` when it has one, so the lock is released with the writer.
/// Not Sendable: owned by a ``DatabaseQueue``.
final class CacheWriter {
    let connection: SQLiteConnection
    let logger: Logger
    let packs: PackWriter
    let damaged: DamagedPacks
    private let lock: CacheLock?
    private var statements: [String: SQLiteStatement] = [:]

    static let upsertResponse = """
        INSERT INTO responses(key, requested_url, final_url, status, headers, host, body_hash, body_length,
            fetched_at, elapsed, revalidated_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        ON CONFLICT(key) DO UPDATE SET
            requested_url = excluded.requested_url, final_url = excluded.final_url,
            status = excluded.status, headers = excluded.headers, host = excluded.host,
            body_hash = excluded.body_hash, body_length = excluded.body_length,
            fetched_at = excluded.fetched_at, elapsed = excluded.elapsed,
            body_fetched_at = CASE WHEN excluded.revalidated_at IS NULL THEN NULL
                ELSE coalesce(responses.body_fetched_at, responses.fetched_at) END,
            revalidated_at = excluded.revalidated_at
        """

    static let upsertFailure = """
        INSERT INTO failures(key, url, code, detail, failed_at, attempts)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT(key) DO UPDATE SET
            url = excluded.url, code = excluded.code, detail = excluded.detail,
            failed_at = excluded.failed_at, attempts = failures.attempts + excluded.attempts
        """

    init(
        connection: SQLiteConnection, logger: Logger, damaged: DamagedPacks,
        packLimits: PackWriter.Limits = .standard, lock: CacheLock? = nil
    ) throws(SQLiteError) {
        self.connection = connection
        self.logger = logger
        self.damaged = damaged
        self.lock = lock
        self.packs = try PackWriter(connection: connection, limits: packLimits, damaged: damaged)
    }

    /// The prepared statement for `sql`, compiled once per connection.
    func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let statement = try connection.prepare(sql, persistent: true)
        statements[sql] = statement
        return statement
    }

    /// Runs `work` in one `BEGIN IMMEDIATE` transaction: commits it, or rolls everything back
    /// (the open pack included) and throws.
    func transaction(_ work: () throws(SQLiteError) -> Void) throws(StoreError) {
        do throws(SQLiteError) {
            try statement("BEGIN IMMEDIATE").runOnce()
            do throws(SQLiteError) {
                try work()
                try statement("COMMIT").runOnce()
            } catch {
                packs.discard()
                if !connection.isAutocommit { try? statement("ROLLBACK").runOnce() }
                throw error
            }
        } catch {
            logger.debug("transaction failed", metadata: ["trawl.error": "\(error)"])
            throw StoreError(error, path: connection.path)
        }
    }

    /// Writes every row of `batch` in one transaction, or none of them.
    func commit(_ batch: WriteBatch) throws(StoreError) {
        let start = DispatchTime.now()
        try transaction { () throws(SQLiteError) in try writeRows(of: batch) }
        logger.debug(
            "committed batch",
            metadata: [
                "trawl.batch": "\(batch.id)", "trawl.rows": "\(batch.count)",
                "trawl.bytes": "\(batch.bodyBytes)",
                "trawl.ms": "\((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)",
            ])
    }

    /// Writes the rows of `batch` in the open transaction: bodies into packs in the order they
    /// were stored, then response and failure rows, sealing the last pack; then the job writes
    /// in call order.
    func writeRows(of batch: WriteBatch) throws(SQLiteError) {
        var lastHost: String?
        let responses = try statement(Self.upsertResponse)
        for key in Self.groupedByHost(batch.responseOrder) {
            guard let response = batch.responses[key] else { continue }
            let host = Self.host(of: key)
            if let previous = lastHost, previous != host { try packs.seal() }
            lastHost = host
            let hash = try packs.add(response.body, host: host)
            defer { responses.reset() }
            try responses.bind(key, at: 1)
            try responses.bind(response.requestedURL, at: 2)
            try responses.bind(response.finalURL, at: 3)
            try responses.bind(Int64(response.status), at: 4)
            try responses.bind(response.headers.serialized, at: 5)
            try responses.bind(Self.host(of: response.requestedURL), at: 6)
            try responses.bind(hash, at: 7)
            try responses.bind(Int64(response.body.count), at: 8)
            try responses.bind(response.fetchedAt.timeIntervalSinceReferenceDate, at: 9)
            try responses.bind(response.elapsed, at: 10)
            if batch.revalidated.contains(key) {
                try responses.bind(response.fetchedAt.timeIntervalSinceReferenceDate, at: 11)
            } else {
                try responses.bindNull(at: 11)
            }
            _ = try responses.step()
        }
        try packs.seal()
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
        try writeJobRows(of: batch)
    }

    /// `keys` grouped by host, hosts in order of first appearance, each host's keys in their
    /// stored order.
    ///
    /// A batch interleaves the crawl's hosts; packing it as it comes would mix them, and a warm
    /// crawl, which reads every host at once, would then need more packs decompressed at a time
    /// than the reader keeps. One pack per host per batch keeps each host's bodies in crawl order.
    static func groupedByHost(_ keys: [String]) -> [String] {
        var order: [String] = []
        var groups: [String: [String]] = [:]
        for key in keys {
            let host = host(of: key)
            if groups[host] == nil { order.append(host) }
            groups[host, default: []].append(key)
        }
        return order.flatMap { groups[$0] ?? [] }
    }

    /// The lowercased host of an absolute URL, for statistics: the authority between `://` and
    /// the path, without user info or port. Cheap string work, since it runs for every write;
    /// the URL was canonicalised before it got here.
    static func host(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "" }
        let rest = url[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        let host: Substring
        if hostAndPort.hasPrefix("["), let close = hostAndPort.firstIndex(of: "]") {
            host = hostAndPort[...close]
        } else if let colon = hostAndPort.lastIndex(of: ":") {
            host = hostAndPort[..<colon]
        } else {
            host = hostAndPort
        }
        return host.lowercased()
    }
}

/// Confined to one thread or queue at a time; see the type's documentation.
@available(*, unavailable)
extension CacheWriter: Sendable {}
