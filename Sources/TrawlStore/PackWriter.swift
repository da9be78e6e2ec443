import CTrawlSQLite
import Crypto
import Foundation

/// Appends bodies to zstd packs, once per distinct content, inside the writer's transaction.
///
/// A body is named by its SHA-256. A body already stored is not stored again: its response
/// only references the blob (the triggers of ``CacheSchema`` count references and delete a blob
/// with its last one, and a pack with its last blob). A new body is appended to the open pack,
/// whose row is inserted empty so that blobs can point at it at once; ``seal()`` compresses it
/// into one frame. The writer seals at the end of every batch, so no pack spans two
/// transactions and a pack is never visible half-written.
///
/// Not Sendable: owned by the writer, runs on the writer queue.
final class PackWriter {
    /// When the open pack is sealed and the next one begins.
    struct Limits: Sendable {
        /// Bodies per pack.
        var bodies: Int
        /// Uncompressed bytes per pack: the cost of a random read, and the reader's memory per
        /// cached pack. A pack holding a single larger body may exceed it.
        ///
        /// 1 MiB. The ratio keeps improving with size (on 2,008 pages of the synthetic benchmark
        /// site, packs of 1, 2 and 4 MiB store 0.65, 0.57 and 0.46 times what gzip -6 of each body
        /// takes), but the reader's single connection decompresses a whole pack for every read
        /// that misses its pack cache: with 4 MiB packs a warm crawl of that site took minutes
        /// instead of seconds. 1 MiB packs, one host per pack, cost about 1 ms per miss.
        var bytes: Int

        static let standard = Limits(bodies: 256, bytes: 1 << 20)
    }

    private struct OpenPack {
        var id: Int64
        var bytes: [UInt8] = []
        var count = 0
    }

    private let connection: SQLiteConnection
    private let compressor: ZstdCompressor
    private let limits: Limits
    private let damaged: DamagedPacks
    private var statements: [String: SQLiteStatement] = [:]
    private var open: OpenPack?

    init(connection: SQLiteConnection, limits: Limits, damaged: DamagedPacks) throws(SQLiteError) {
        self.connection = connection
        self.limits = limits
        self.damaged = damaged
        do {
            self.compressor = try ZstdCompressor()
        } catch {
            throw SQLiteError(zstd: error)
        }
    }

    /// The SHA-256 of `body`: the blob's name.
    static func hash(_ body: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: body))
    }

    private func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let statement = try connection.prepare(sql, persistent: true)
        statements[sql] = statement
        return statement
    }

    /// Makes sure a blob with `body` exists and returns its hash, for the response row to reference.
    func add(_ body: [UInt8]) throws(SQLiteError) -> [UInt8] {
        let hash = Self.hash(body)
        if let pack = try packID(ofBlob: hash) {
            if !damaged.contains(pack) { return hash }
            // A fresh copy of a body whose pack is damaged: move the blob to a sound pack.
            try place(body, hash: hash, sql: Self.moveBlobSQL)
        } else {
            try place(
                body, hash: hash,
                sql: "INSERT INTO blobs(hash, pack_id, offset, length, refs) VALUES (?1, ?2, ?3, ?4, 0)")
        }
        return hash
    }

    /// Moves an existing blob (parameters: hash, pack id, offset, length).
    static let moveBlobSQL = "UPDATE blobs SET pack_id = ?2, offset = ?3, length = ?4 WHERE hash = ?1"

    /// Appends `body` to the open pack and writes its location with `sql`
    /// (parameters: hash, pack id, offset, length).
    func place(_ body: [UInt8], hash: [UInt8], sql: String) throws(SQLiteError) {
        let (pack, offset) = try append(body)
        let row = try statement(sql)
        defer { row.reset() }
        try row.bind(hash, at: 1)
        try row.bind(pack, at: 2)
        try row.bind(Int64(offset), at: 3)
        try row.bind(Int64(body.count), at: 4)
        _ = try row.step()
    }

    private func packID(ofBlob hash: [UInt8]) throws(SQLiteError) -> Int64? {
        let lookup = try statement("SELECT pack_id FROM blobs WHERE hash = ?1")
        defer { lookup.reset() }
        try lookup.bind(hash, at: 1)
        guard try lookup.step() else { return nil }
        return lookup.int64(at: 0)
    }

    private func append(_ body: [UInt8]) throws(SQLiteError) -> (pack: Int64, offset: Int) {
        if let current = open,
            current.count >= limits.bodies || (current.count > 0 && current.bytes.count + body.count > limits.bytes)
        {
            try seal()
        }
        var pack: OpenPack
        if let current = open {
            pack = current
        } else {
            let insert = try statement(
                "INSERT INTO packs(raw_bytes, stored_bytes, bodies, data) VALUES (0, 0, 0, x'') RETURNING id")
            defer { insert.reset() }
            guard try insert.step(), let id = insert.int64(at: 0) else {
                throw SQLiteError(extendedCode: SQLITE_ERROR, message: "no pack id returned", sql: insert.sql)
            }
            pack = OpenPack(id: id)
        }
        open = nil  // keeps the byte buffer uniquely referenced while it grows
        let offset = pack.bytes.count
        pack.bytes.append(contentsOf: body)
        pack.count += 1
        open = pack
        return (pack.id, offset)
    }

    /// Compresses the open pack into its row; the next body starts a new pack.
    func seal() throws(SQLiteError) {
        guard let pack = open else { return }
        open = nil
        let frame: [UInt8]
        do {
            frame = try compressor.compress(pack.bytes)
        } catch {
            throw SQLiteError(zstd: error)
        }
        let update = try statement(
            "UPDATE packs SET raw_bytes = ?2, stored_bytes = ?3, bodies = ?4, data = ?5 WHERE id = ?1")
        defer { update.reset() }
        try update.bind(pack.id, at: 1)
        try update.bind(Int64(pack.bytes.count), at: 2)
        try update.bind(Int64(frame.count), at: 3)
        try update.bind(Int64(pack.count), at: 4)
        try update.bind(frame, at: 5)
        _ = try update.step()
    }

    /// Forgets the open pack after its transaction rolled back.
    func discard() {
        open = nil
    }
}

/// Confined to one thread or queue at a time; see the type's documentation.
@available(*, unavailable)
extension PackWriter: Sendable {}
