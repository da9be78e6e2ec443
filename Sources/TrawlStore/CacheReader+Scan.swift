import TrawlCore

extension CacheReader {
    /// Row id, URL and status of every response with a stored body, in pack order.
    static let scanListingSQL = """
        SELECT r.rowid, r.final_url, r.status
        FROM responses r JOIN blobs b ON b.hash = r.body_hash JOIN packs p ON p.id = b.pack_id
        ORDER BY coalesce(p.base_id, p.id), b.pack_id, b.offset, r.rowid
        """

    /// The columns of ``selectResponseSQL`` for one row id.
    static let selectResponseByRowIDSQL = """
        SELECT r.requested_url, r.final_url, r.status, r.headers, r.fetched_at, r.elapsed, r.body_length,
            b.pack_id, b.offset, b.length
        FROM responses r LEFT JOIN blobs b ON b.hash = r.body_hash WHERE r.rowid = ?1
        """

    /// The row ids of the responses `including` admits, in the order their bodies are packed.
    func scanListing(including: (String, Int) -> Bool) throws(StoreError) -> [Int64] {
        do throws(SQLiteError) {
            let rows = try statement(Self.scanListingSQL)
            defer { rows.reset() }
            var ids: [Int64] = []
            while try rows.step() {
                guard let id = rows.int64(at: 0), let url = rows.text(at: 1),
                    let status = rows.int64(at: 2), let statusInt = Int(exactly: status)
                else { continue }
                if including(url, statusInt) { ids.append(id) }
            }
            return ids
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }

    /// The responses stored under `rowIDs`, in that order; malformed or vanished rows left out.
    func responses(rowIDs: [Int64]) throws(StoreError) -> [Response] {
        do throws(SQLiteError) {
            let row = try statement(Self.selectResponseByRowIDSQL)
            var responses: [Response] = []
            responses.reserveCapacity(rowIDs.count)
            for id in rowIDs {
                defer { row.reset() }
                try row.bind(id, at: 1)
                guard try row.step() else { continue }
                if let response = try response(from: row, key: "rowid \(id)") { responses.append(response) }
            }
            return responses
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }
}
