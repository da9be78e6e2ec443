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
/// transactions and a pack is never visible half-written. A pack holds one host's bodies and is
/// compressed against that host's base pack when it has one (see ``HostBases``).
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
        /// Uncompressed bytes of a host's base: once a host's standalone packs reach it, they are
        /// merged into one pack that becomes the base (see ``HostBases``).
        ///
        /// 2 MiB: the measured trade-off between the ratio of the packs compressed against it and
        /// the reader's memory per host (README, cache).
        var baseBytes: Int

        static let standard = Limits(bodies: 256, bytes: 1 << 20, baseBytes: 2 << 20)
    }

    private struct OpenPack {
        var id: Int64
        /// Nil for bodies moved by compaction, which never use or become a base.
        var host: String?
        var bytes: [UInt8] = []
        var count = 0
    }

    private let connection: SQLiteConnection
    private let compressor: ZstdCompressor
    private let limits: Limits
    private let damaged: DamagedPacks
    private var statements: [String: SQLiteStatement] = [:]
    private var open: OpenPack?
    private let bases: HostBases

    init(connection: SQLiteConnection, limits: Limits, damaged: DamagedPacks) throws(SQLiteError) {
        self.connection = connection
        self.limits = limits
        self.damaged = damaged
        do {
            self.compressor = try ZstdCompressor()
            self.bases = try HostBases(connection: connection, damaged: damaged)
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
    /// A new body goes to a pack of `host`.
    func add(_ body: [UInt8], host: String) throws(SQLiteError) -> [UInt8] {
        let hash = Self.hash(body)
        if let pack = try packID(ofBlob: hash) {
            if !damaged.contains(pack) { return hash }
            // A fresh copy of a body whose pack is damaged: move the blob to a sound pack.
            try place(body, hash: hash, sql: Self.moveBlobSQL, host: host)
        } else {
            try place(
                body, hash: hash,
                sql: "INSERT INTO blobs(hash, pack_id, offset, length, refs) VALUES (?1, ?2, ?3, ?4, 0)", host: host)
        }
        return hash
    }

    /// Moves an existing blob (parameters: hash, pack id, offset, length).
    static let moveBlobSQL = "UPDATE blobs SET pack_id = ?2, offset = ?3, length = ?4 WHERE hash = ?1"

    /// Appends `body` to the open pack of `host` and writes its location with `sql`
    /// (parameters: hash, pack id, offset, length).
    func place(_ body: [UInt8], hash: [UInt8], sql: String, host: String?) throws(SQLiteError) {
        let (pack, offset) = try append(body, host: host)
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

    private func append(_ body: [UInt8], host: String?) throws(SQLiteError) -> (pack: Int64, offset: Int) {
        if let current = open,
            current.host != host || current.count >= limits.bodies
                || (current.count > 0 && current.bytes.count + body.count > limits.bytes)
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
            pack = OpenPack(id: id, host: host)
        }
        open = nil  // keeps the byte buffer uniquely referenced while it grows
        let offset = pack.bytes.count
        pack.bytes.append(contentsOf: body)
        pack.count += 1
        open = pack
        return (pack.id, offset)
    }

    /// Compresses the open pack into its row, against its host's base when there is one; a
    /// big enough standalone pack becomes its host's base. The next body starts a new pack.
    func seal() throws(SQLiteError) {
        guard var pack = open else { return }
        open = nil
        let base = try pack.host.flatMap { host throws(SQLiteError) in try bases.base(forHost: host) }
        var becomesBase = false
        if base == nil, let host = pack.host,
            let merged = try bases.merge(into: pack.id, bytes: pack.bytes, bodies: pack.count, host: host, limits: limits)
        {
            (pack.bytes, pack.count, becomesBase) = (merged.bytes, merged.bodies, true)
        }
        let frame: [UInt8]
        do {
            frame = try compressor.compress(pack.bytes, prefix: base?.bytes)
        } catch {
            throw SQLiteError(zstd: error)
        }
        let update = try statement(
            "UPDATE packs SET raw_bytes = ?2, stored_bytes = ?3, bodies = ?4, base_id = ?5, data = ?6 WHERE id = ?1")
        defer { update.reset() }
        try update.bind(pack.id, at: 1)
        try update.bind(Int64(pack.bytes.count), at: 2)
        try update.bind(Int64(frame.count), at: 3)
        try update.bind(Int64(pack.count), at: 4)
        if let base { try update.bind(base.id, at: 5) } else { try update.bindNull(at: 5) }
        try update.bind(frame, at: 6)
        _ = try update.step()
        if becomesBase, let host = pack.host { try bases.adopt(pack.id, bytes: pack.bytes, host: host) }
    }

    /// Forgets the open pack and the cached bases after the transaction rolled back.
    func discard() {
        open = nil
        bases.forget()
    }
}

/// Confined to one thread or queue at a time; see the type's documentation.
@available(*, unavailable)
extension PackWriter: Sendable {}
