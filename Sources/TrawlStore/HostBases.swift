/// The writer's view of each host's base pack: the pack whose bytes later packs of that host
/// are compressed against (a zstd prefix).
///
/// Why: a write batch holds a few dozen pages per host, so a pack of its own compresses like a
/// small pack (0.65 times gzip at 1 MiB, worse below), while the pages of one site share
/// templates that a big pack exploits (0.46 times gzip at 4 MiB). Compressing each small pack
/// with the host's base as prefix gets the ratio of the big pack while a read still
/// decompresses one small pack (and the base, which readers keep decompressed).
///
/// Until a host has a base its packs are standalone; once this writer has written
/// ``PackWriter/Limits/baseBytes`` of them, the next pack absorbs their bodies (the blobs move,
/// the small packs go) and becomes the host's base (`pack_bases`). A base is never compressed
/// against another, so reading a body takes at most two decompressions. A base that is damaged
/// or gone is replaced the same way.
///
/// Not Sendable: owned by the ``PackWriter``, on the writer queue.
final class HostBases {
    private let connection: SQLiteConnection
    private let damaged: DamagedPacks
    private let decompressor: ZstdDecompressor
    private var statements: [String: SQLiteStatement] = [:]
    /// Decompressed bases by pack id; a handful of hosts are crawled at a time.
    private var cache = PackCache(capacity: 16)
    /// The standalone packs this writer wrote for each host without a base: ids and sizes only,
    /// read back when they are merged.
    private var pending: [String: [(id: Int64, rawBytes: Int)]] = [:]

    init(connection: SQLiteConnection, damaged: DamagedPacks) throws(ZstdError) {
        self.connection = connection
        self.damaged = damaged
        self.decompressor = try ZstdDecompressor()
    }

    private func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let statement = try connection.prepare(sql, persistent: true)
        statements[sql] = statement
        return statement
    }

    /// The base pack of `host` and its bytes; nil when the host has none yet, or its base is
    /// missing, damaged or itself compressed against a base.
    func base(forHost host: String) throws(SQLiteError) -> (id: Int64, bytes: [UInt8])? {
        let lookup = try statement("SELECT pack_id FROM pack_bases WHERE host = ?1")
        defer { lookup.reset() }
        try lookup.bind(host, at: 1)
        guard try lookup.step(), let id = lookup.int64(at: 0), !damaged.contains(id) else { return nil }
        if let bytes = cache.bytes(ofPack: id) { return (id, bytes) }
        guard let bytes = try load(id) else { return nil }
        cache.insert(bytes, forPack: id)
        return (id, bytes)
    }

    private func load(_ id: Int64) throws(SQLiteError) -> [UInt8]? {
        let select = try statement(CacheReader.selectPackSQL)
        defer { select.reset() }
        try select.bind(id, at: 1)
        guard try select.step(), let rawBytes = select.int64(at: 0), rawBytes >= 0, rawBytes <= Int64(Int32.max),
            select.int64(at: 2) == nil
        else { return nil }
        do {
            return try select.withBlob(at: 1) { frame throws(ZstdError) in
                try decompressor.decompress(frame, size: Int(rawBytes))
            }
        } catch {
            damaged.insert(id)
            return nil
        }
    }

    /// Makes pack `id`, just written standalone with `bytes`, the base of `host`.
    func adopt(_ id: Int64, bytes: [UInt8], host: String) throws(SQLiteError) {
        let insert = try statement("INSERT OR REPLACE INTO pack_bases(host, pack_id) VALUES (?1, ?2)")
        defer { insert.reset() }
        try insert.bind(host, at: 1)
        try insert.bind(id, at: 2)
        _ = try insert.step()
        cache.insert(bytes, forPack: id)
    }

    /// When `host`'s standalone packs with this one (`id`, holding `bytes`) reach the base size:
    /// moves the bodies of the earlier ones behind `bytes` (until the base size is reached),
    /// deletes them, and returns the merged pack. Otherwise nil, and the pack waits for the next
    /// ones. A pack over the pack size never joins. Runs in the writer's transaction.
    func merge(
        into id: Int64, bytes: [UInt8], bodies: Int, host: String, limits: PackWriter.Limits
    ) throws(SQLiteError) -> (bytes: [UInt8], bodies: Int)? {
        // A pack over the pack size holds one large body: never part of a base, which every read
        // of the host may have to decompress.
        guard bytes.count <= limits.bytes else { return nil }
        var earlier = pending.removeValue(forKey: host) ?? []
        guard earlier.reduce(bytes.count, { $0 + $1.rawBytes }) >= limits.baseBytes else {
            earlier.append((id, bytes.count))
            pending[host] = earlier
            return nil
        }
        var merged = bytes
        var count = bodies
        for pack in earlier where merged.count < limits.baseBytes {
            // A pack that compaction removed, that is damaged or that became a base stays as it is.
            guard try !isBase(pack.id), let packBytes = try load(pack.id), packBytes.count == pack.rawBytes else {
                continue
            }
            let move = try statement(
                "UPDATE blobs SET pack_id = ?2, offset = offset + ?3 WHERE pack_id = ?1 RETURNING length")
            defer { move.reset() }
            try move.bind(pack.id, at: 1)
            try move.bind(id, at: 2)
            try move.bind(Int64(merged.count), at: 3)
            while try move.step() { count += 1 }
            let delete = try statement("DELETE FROM packs WHERE id = ?1")
            defer { delete.reset() }
            try delete.bind(pack.id, at: 1)
            _ = try delete.step()
            merged.append(contentsOf: packBytes)
        }
        return (merged, count)
    }

    private func isBase(_ id: Int64) throws(SQLiteError) -> Bool {
        let lookup = try statement(
            "SELECT EXISTS (SELECT 1 FROM pack_bases WHERE pack_id = ?1) OR EXISTS (SELECT 1 FROM packs WHERE base_id = ?1)")
        defer { lookup.reset() }
        try lookup.bind(id, at: 1)
        return try lookup.step() && lookup.int64(at: 0) == 1
    }

    /// Forgets every cached base after a rollback: a rolled-back pack's id will be used again.
    func forget() {
        cache = PackCache(capacity: cache.capacity)
        pending = [:]
    }
}

/// Confined to one thread or queue at a time; see the type's documentation.
@available(*, unavailable)
extension HostBases: Sendable {}
