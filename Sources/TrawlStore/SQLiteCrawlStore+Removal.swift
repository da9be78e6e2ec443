import Foundation

extension SQLiteCrawlStore {
    /// Deletes the committed responses stored under `keys`, in one transaction, and returns how
    /// many existed. Their bodies and packs go with their last reference (the schema's
    /// triggers); ``compact()`` then gives back the space of packs left partly dead.
    ///
    /// Commits earlier writes first. Throws `.readOnly` on a store opened read-only.
    /// Threading: any task; SQLite runs on the writer queue.
    public func removeResponses(forKeys keys: [String]) async throws(StoreError) -> Int {
        guard let writer else { throw StoreError(.readOnly, path: path, message: "opened read-only") }
        try await flush()
        return try await writer.run { writer throws(StoreError) in try writer.removeResponses(forKeys: keys) }
    }
}

extension CacheWriter {
    /// See ``SQLiteCrawlStore/removeResponses(forKeys:)``.
    func removeResponses(forKeys keys: [String]) throws(StoreError) -> Int {
        var removed = 0
        try transaction { () throws(SQLiteError) in
            let delete = try connection.prepare("DELETE FROM responses WHERE key = ?1 RETURNING key")
            for key in keys {
                defer { delete.reset() }
                try delete.bind(key, at: 1)
                if try delete.step() { removed += 1 }
            }
        }
        return removed
    }
}
