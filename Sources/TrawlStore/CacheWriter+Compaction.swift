import Foundation

extension CacheWriter {
    /// Rewrites packs that hold dead bodies, keeping the live ones in their order, deletes packs
    /// nothing points into, then runs `VACUUM` to give the space back.
    ///
    /// The triggers already delete a pack with its last blob; what they leave is a pack whose
    /// bodies are partly unreferenced (a re-fetched page that changed, a deleted entry). A pack
    /// that will not decompress is left as it is: its bodies cannot be moved, and reading them
    /// is a miss either way. Runs in one transaction on the writer queue, between batches.
    func compact() throws(StoreError) -> CompactionReport {
        var report = CompactionReport(packsRewritten: 0, packsDeleted: 0, storedBytesBefore: 0, storedBytesAfter: 0)
        // Reads packs (and their bases) on this connection, as a reader would.
        let loader = try CacheReader(connection: connection, logger: logger, damaged: damaged)
        try transaction { () throws(SQLiteError) in
            report.storedBytesBefore = try connection.integer("SELECT coalesce(sum(stored_bytes), 0) FROM packs") ?? 0
            // A base stays while packs are compressed against it, whether or not it holds bodies.
            let orphans = try connection.prepare(
                "DELETE FROM packs WHERE id NOT IN (SELECT pack_id FROM blobs) AND \(Self.notABase("id")) RETURNING id")
            while try orphans.step() { report.packsDeleted += 1 }

            let candidates = try connection.prepare(
                """
                SELECT p.id FROM packs p JOIN blobs b ON b.pack_id = p.id
                WHERE \(Self.notABase("p.id"))
                GROUP BY p.id HAVING sum(b.length) < p.raw_bytes ORDER BY p.id
                """)
            var partlyDead: [Int64] = []
            while try candidates.step() {
                if let id = candidates.int64(at: 0) { partlyDead.append(id) }
            }
            for id in partlyDead {
                if try rewrite(pack: id, loader: loader) { report.packsRewritten += 1 }
            }
            try packs.seal()
            report.storedBytesAfter = try connection.integer("SELECT coalesce(sum(stored_bytes), 0) FROM packs") ?? 0
        }
        if report.packsRewritten + report.packsDeleted > 0 {
            do throws(SQLiteError) {
                try connection.execute("VACUUM")
            } catch {
                // The packs are compact already; only the file keeps its size until a later vacuum.
                logger.debug("vacuum after compaction failed", metadata: ["trawl.error": "\(error)"])
            }
        }
        logger.debug(
            "compacted cache",
            metadata: [
                "trawl.rewritten": "\(report.packsRewritten)", "trawl.deleted": "\(report.packsDeleted)",
                "trawl.before": "\(report.storedBytesBefore)", "trawl.after": "\(report.storedBytesAfter)",
            ])
        return report
    }

    /// The SQL condition that no pack is compressed against the pack whose id is in `column`.
    static func notABase(_ column: String) -> String {
        "\(column) NOT IN (SELECT base_id FROM packs WHERE base_id IS NOT NULL)"
    }

    /// Moves the live bodies of pack `id` to the open pack and deletes it; false when the pack
    /// will not decompress and stays.
    private func rewrite(pack id: Int64, loader: CacheReader) throws(SQLiteError) -> Bool {
        guard let bytes = try loader.packBytes(id) else { return false }
        let live = try connection.prepare("SELECT hash, offset, length FROM blobs WHERE pack_id = ?1 ORDER BY offset")
        try live.bind(id, at: 1)
        var moves: [(hash: [UInt8], range: Range<Int>)] = []
        while try live.step() {
            guard let hash = live.blob(at: 0), let offset = live.int64(at: 1), let length = live.int64(at: 2),
                offset >= 0, length >= 0, offset + length <= Int64(bytes.count)
            else { return false }
            moves.append((hash, Int(offset)..<Int(offset + length)))
        }
        for move in moves {
            try packs.place(Array(bytes[move.range]), hash: move.hash, sql: PackWriter.moveBlobSQL, host: nil)
        }
        let delete = try connection.prepare("DELETE FROM packs WHERE id = ?1")
        try delete.bind(id, at: 1)
        _ = try delete.step()
        return true
    }
}
