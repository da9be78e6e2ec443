import Foundation
import Logging
import TrawlCore

/// The reader connection, its cached statements and the decompressed-pack cache; lives on the
/// store's reader queue.
///
/// WAL lets it read the last committed state while the writer commits. Not Sendable: owned by
/// a ``DatabaseQueue``.
final class CacheReader {
    let connection: SQLiteConnection
    private let logger: Logger
    private let decompressor: ZstdDecompressor
    private let damaged: DamagedPacks
    private var statements: [String: SQLiteStatement] = [:]
    private(set) var packs: PackCache
    /// Decompressed base packs (see ``HostBases``), apart from `packs` so that the small packs
    /// streaming through do not evict them.
    private var bases: PackCache
    /// Pack decompressions so far, for tests of the cache.
    private(set) var decompressions = 0

    static let selectResponseSQL = """
        SELECT r.requested_url, r.final_url, r.status, r.headers, r.fetched_at, r.elapsed, r.body_length,
            b.pack_id, b.offset, b.length
        FROM responses r LEFT JOIN blobs b ON b.hash = r.body_hash WHERE r.key = ?1
        """

    static let selectPackSQL = "SELECT raw_bytes, data, base_id FROM packs WHERE id = ?1"

    /// The columns of a schema-1 response row, read by migration 2.
    static let responseColumnsV1 = "requested_url, final_url, status, headers, body, fetched_at, elapsed"

    /// How many decompressed packs a reader keeps; see ``PackCache``.
    ///
    /// 16 packs of at most 1 MiB: a warm crawl reads every host at once, and each host's bodies
    /// sit in packs of their own (see `CacheWriter.groupedByHost`), so the reader must hold at
    /// least one pack per host being crawled to decompress each pack about once.
    static let packCacheCapacity = 16
    /// How many decompressed base packs a reader keeps: one per host being crawled.
    static let baseCacheCapacity = 16

    init(connection: SQLiteConnection, logger: Logger, damaged: DamagedPacks) throws(StoreError) {
        self.connection = connection
        self.logger = logger
        self.damaged = damaged
        self.packs = PackCache(capacity: Self.packCacheCapacity)
        self.bases = PackCache(capacity: Self.baseCacheCapacity)
        do {
            self.decompressor = try ZstdDecompressor()
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }

    func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let statement = try connection.prepare(sql, persistent: true)
        statements[sql] = statement
        return statement
    }

    /// The committed response for `key`; nil when there is none, its row is malformed or its
    /// body's pack is missing or damaged.
    ///
    /// The row and the pack are two statements, so two snapshots: a pack that `compact()`
    /// replaces between them reads as a miss (a refetch), which is cheaper than a read
    /// transaction around every lookup.
    func response(forKey key: String) throws(StoreError) -> Response? {
        do throws(SQLiteError) {
            let row = try statement(Self.selectResponseSQL)
            defer { row.reset() }
            try row.bind(key, at: 1)
            guard try row.step() else { return nil }
            return try response(from: row, key: key)
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }

    /// The response in `row` (columns of ``selectResponseSQL``) with its body read from its
    /// pack; nil when the row is malformed or the pack missing or damaged. `key` is for logs.
    func response(from row: SQLiteStatement, key: String) throws(SQLiteError) -> Response? {
        guard var response = Self.decodeMetadata(row),
            let bodyLength = row.int64(at: 6),
            let packID = row.int64(at: 7), let offset = row.int64(at: 8), let length = row.int64(at: 9),
            length == bodyLength, offset >= 0, length >= 0
        else {
            logger.debug("malformed cache row is a miss", metadata: ["trawl.key": "\(key)"])
            return nil
        }
        guard let pack = try packBytes(packID), Int64(pack.count) - length >= offset else {
            logger.debug("missing or damaged pack is a miss", metadata: ["trawl.key": "\(key)", "trawl.pack": "\(packID)"])
            return nil
        }
        response.body = Array(pack[Int(offset)..<Int(offset + length)])
        return response
    }

    /// The decompressed bytes of pack `id`, from the caches or the database; nil when the pack
    /// is missing or damaged (which is remembered, so the writer stores a fresh copy afresh).
    /// A pack compressed against a base needs the base too, which must itself be standalone.
    func packBytes(_ id: Int64, asBase: Bool = false) throws(SQLiteError) -> [UInt8]? {
        if let cached = bases.bytes(ofPack: id) ?? packs.bytes(ofPack: id) { return cached }
        let select = try statement(Self.selectPackSQL)
        defer { select.reset() }
        try select.bind(id, at: 1)
        guard try select.step() else { return nil }
        guard let rawBytes = select.int64(at: 0), rawBytes >= 0, rawBytes <= Int64(Int32.max) else {
            damaged.insert(id)
            return nil
        }
        var prefix: [UInt8]?
        if let baseID = select.int64(at: 2) {
            select.reset()  // the base is read with the same statement
            guard !asBase, baseID != id, let base = try packBytes(baseID, asBase: true) else {
                damaged.insert(id)
                return nil
            }
            prefix = base
            try select.bind(id, at: 1)
            guard try select.step() else { return nil }
        }
        do {
            decompressions += 1
            guard let bytes = try select.withBlob(at: 1, { frame throws(ZstdError) in
                try decompressor.decompress(frame, size: Int(rawBytes), prefix: prefix)
            }) else {
                damaged.insert(id)
                return nil
            }
            if asBase { bases.insert(bytes, forPack: id) } else { packs.insert(bytes, forPack: id) }
            return bytes
        } catch {
            logger.debug("damaged pack", metadata: ["trawl.pack": "\(id)", "trawl.error": "\(error)"])
            damaged.insert(id)
            return nil
        }
    }

    /// A response without its body from the current row, or nil when any column is NULL or of
    /// the wrong type. Columns: requested_url, final_url, status, headers, fetched_at, elapsed.
    private static func decodeMetadata(_ row: SQLiteStatement) -> Response? {
        guard let requestedURL = row.text(at: 0),
            let finalURL = row.text(at: 1),
            let status = row.int64(at: 2), let statusInt = Int(exactly: status),
            let headers = row.text(at: 3),
            let fetchedAt = row.double(at: 4), fetchedAt.isFinite,
            let elapsed = row.double(at: 5)
        else { return nil }
        return Response(
            requestedURL: requestedURL, finalURL: finalURL, status: statusInt,
            headers: HTTPHeaders(serialized: headers),
            fetchedAt: Date(timeIntervalSinceReferenceDate: fetchedAt), elapsed: elapsed)
    }

    /// A schema-1 response from the columns ``responseColumnsV1`` starting at `first`, or nil
    /// when any is NULL or of the wrong type.
    static func decodeResponseV1(_ row: SQLiteStatement, from first: Int32) -> Response? {
        guard let requestedURL = row.text(at: first),
            let finalURL = row.text(at: first + 1),
            let status = row.int64(at: first + 2), let statusInt = Int(exactly: status),
            let headers = row.text(at: first + 3),
            let body = row.blob(at: first + 4),
            let fetchedAt = row.double(at: first + 5), fetchedAt.isFinite,
            let elapsed = row.double(at: first + 6)
        else { return nil }
        return Response(
            requestedURL: requestedURL, finalURL: finalURL, status: statusInt,
            headers: HTTPHeaders(serialized: headers), body: body,
            fetchedAt: Date(timeIntervalSinceReferenceDate: fetchedAt), elapsed: elapsed)
    }
}

/// Confined to one thread or queue at a time; see the type's documentation.
@available(*, unavailable)
extension CacheReader: Sendable {}
