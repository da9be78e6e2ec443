import Foundation

extension CacheReader {
    /// Counts and sizes of what is committed, plus the size of the files on disk.
    ///
    /// Reads metadata columns only; `packs.data` is the last column of its table, so summing the
    /// sizes before it never touches a frame's overflow pages.
    func statistics() throws(StoreError) -> StoreStatistics {
        do throws(SQLiteError) {
            let responses = try connection.prepare(
                """
                SELECT count(*), count(DISTINCT host), coalesce(sum(body_length), 0),
                    min(fetched_at), max(fetched_at)
                FROM responses
                """)
            _ = try responses.step()
            let failures = try connection.integer("SELECT count(*) FROM failures") ?? 0
            var statistics = StoreStatistics(
                responses: Int(responses.int64(at: 0) ?? 0),
                failures: Int(failures),
                bodyBytes: responses.int64(at: 2) ?? 0,
                fileBytes: Self.fileSize(connection.path) + Self.fileSize(connection.path + "-wal"),
                hosts: Int(responses.int64(at: 1) ?? 0),
                oldestFetch: responses.double(at: 3).map { Date(timeIntervalSinceReferenceDate: $0) },
                newestFetch: responses.double(at: 4).map { Date(timeIntervalSinceReferenceDate: $0) })

            let statuses = try connection.prepare("SELECT status, count(*) FROM responses GROUP BY status")
            while try statuses.step() {
                guard let status = statuses.int64(at: 0).flatMap({ Int(exactly: $0) }) else { continue }
                statistics.statusCounts[status] = Int(statuses.int64(at: 1) ?? 0)
            }
            let blobs = try connection.prepare("SELECT count(*), coalesce(sum(length), 0) FROM blobs")
            _ = try blobs.step()
            statistics.uniqueBodies = Int(blobs.int64(at: 0) ?? 0)
            statistics.uniqueBodyBytes = blobs.int64(at: 1) ?? 0
            let packs = try connection.prepare("SELECT count(*), coalesce(sum(stored_bytes), 0) FROM packs")
            _ = try packs.step()
            statistics.packs = Int(packs.int64(at: 0) ?? 0)
            statistics.storedBodyBytes = packs.int64(at: 1) ?? 0
            return statistics
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }

    private static func fileSize(_ path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
