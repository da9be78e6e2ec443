extension SQLiteCrawlStore {
    /// ``compact()``, then `VACUUM` and a truncating WAL checkpoint whether or not compaction
    /// moved anything, so that the files shrink to what the cache holds (after removals, say,
    /// whose packs the triggers deleted already).
    ///
    /// Throws `.readOnly` on a read-only store, `.locked` when a reader holds the file past the
    /// busy timeout. Threading: any task; SQLite runs on the writer queue.
    public func vacuum() async throws(StoreError) -> CompactionReport {
        let report = try await compact()
        guard let writer else { throw StoreError(.readOnly, path: path, message: "opened read-only") }
        try await writer.run { writer throws(StoreError) in
            do throws(SQLiteError) {
                try writer.connection.execute("VACUUM")
                try writer.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            } catch {
                throw StoreError(error, path: writer.connection.path)
            }
        }
        return report
    }
}
