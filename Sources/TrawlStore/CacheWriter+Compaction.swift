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
        let decompressor: ZstdDecompressor
        do {
            decompressor = try ZstdDecompressor()
        } catch {
            throw StoreError(error, path: connection.path)
        }
        try transaction { () throws(SQLiteError) in
            report.storedBytesBefore = try connection.integer("SELECT coalesce(sum(stored_bytes), 0) FROM packs") ?? 0
            let orphans = try connection.prepare(
                "DELETE FROM packs WHERE id NOT IN (SELECT pack_id FROM blobs) RETURNING id")
            while try orphans.step() { report.packsDeleted += 1 }

            let candidates = try connection.prepare(
                """
                SELECT p.id FROM packs p JOIN blobs b ON b.pack_id = p.id
                GROUP BY p.id HAVING sum(b.length) < p.raw_bytes ORDER BY p.id
                """)
            var partlyDead: [Int64] = []
            while try candidates.step() {
                if let id = candidates.int64(at: 0) { partlyDead.append(id) }
            }
            for id in partlyDead {
                if try rewrite(pack: id, decompressor: decompressor) { report.packsRewritten += 1 }
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

    /// Moves the live bodies of pack `id` to the open pack and deletes it; false when the pack
    /// will not decompress and stays.
    private func rewrite(pack id: Int64, decompressor: ZstdDecompressor) throws(SQLiteError) -> Bool {
        let select = try connection.prepare(CacheReader.selectPackSQL)
        try select.bind(id, at: 1)
        guard try select.step(), let rawBytes = select.int64(at: 0), rawBytes >= 0 else { return false }
        let bytes: [UInt8]
        do {
            guard
                let decompressed = try select.withBlob(at: 1, { frame throws(ZstdError) in
                    try decompressor.decompress(frame, size: Int(rawBytes))
                })
            else { return false }
            bytes = decompressed
        } catch {
            return false
        }
        select.reset()  // no read cursor on `packs` while the moves write to it
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
            try packs.place(Array(bytes[move.range]), hash: move.hash, sql: PackWriter.moveBlobSQL)
        }
        let delete = try connection.prepare("DELETE FROM packs WHERE id = ?1")
        try delete.bind(id, at: 1)
        _ = try delete.step()
        return true
    }
}
