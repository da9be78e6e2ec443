import Foundation

extension SQLiteCrawlStore {
    /// At most `limit` committed entries that pass `filter`, in key order, starting after the
    /// key `after` (nil: from the start). Reads metadata columns only, never a body.
    ///
    /// Page through a whole cache by passing the last key of one page as `after` of the next:
    /// memory stays at one page however large the cache, and entries removed or added between
    /// pages do not disturb the walk. Pending (unflushed) writes are not listed.
    /// Threading: any task; SQLite runs on the reader queue.
    public func entries(
        matching filter: CacheEntryFilter = CacheEntryFilter(), after: String? = nil, limit: Int = 500
    ) async throws(StoreError) -> [CacheEntry] {
        try await reader.run { reader throws(StoreError) in
            try reader.entries(matching: filter, after: after, limit: limit)
        }
    }
}

extension CacheReader {
    static let selectEntriesSQL = """
        SELECT key, requested_url, final_url, status, host, body_length, fetched_at, revalidated_at, body_fetched_at
        FROM responses
        WHERE key > ?1 AND (?2 IS NULL OR host = ?2) AND (?3 IS NULL OR status = ?3)
            AND (?4 IS NULL OR fetched_at < ?4)
        ORDER BY key LIMIT ?5
        """

    /// See ``SQLiteCrawlStore/entries(matching:after:limit:)``; a malformed row is skipped.
    func entries(matching filter: CacheEntryFilter, after: String?, limit: Int) throws(StoreError) -> [CacheEntry] {
        do throws(SQLiteError) {
            let select = try connection.prepare(Self.selectEntriesSQL)
            try select.bind(after ?? "", at: 1)
            // An unbound parameter is NULL, which turns its condition off.
            if let host = filter.host { try select.bind(host.lowercased(), at: 2) }
            if let status = filter.status { try select.bind(Int64(status), at: 3) }
            if let before = filter.fetchedBefore { try select.bind(before.timeIntervalSinceReferenceDate, at: 4) }
            try select.bind(Int64(max(1, limit)), at: 5)
            var entries: [CacheEntry] = []
            while try select.step() {
                guard let key = select.text(at: 0), let requested = select.text(at: 1), let final = select.text(at: 2),
                    let status = select.int64(at: 3).flatMap({ Int(exactly: $0) }), let host = select.text(at: 4),
                    let length = select.int64(at: 5), let fetchedAt = select.double(at: 6), fetchedAt.isFinite
                else { continue }
                entries.append(
                    CacheEntry(
                        key: key, requestedURL: requested, finalURL: final, status: status, host: host,
                        bodyLength: length, fetchedAt: Date(timeIntervalSinceReferenceDate: fetchedAt),
                        revalidatedAt: Self.date(select.double(at: 7)), bodyFetchedAt: Self.date(select.double(at: 8))))
            }
            return entries
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }

    /// A date from a nullable time column; a non-finite value counts as absent.
    private static func date(_ seconds: Double?) -> Date? {
        seconds.flatMap { $0.isFinite ? Date(timeIntervalSinceReferenceDate: $0) : nil }
    }
}
