import CTrawlSQLite

/// A failed SQLite call: its result code, SQLite's message and the SQL that was running.
///
/// Internal: the store turns it into a ``StoreError`` with the cache path attached.
struct SQLiteError: Error, CustomStringConvertible {
    /// The extended result code (`SQLITE_BUSY_SNAPSHOT`, `SQLITE_IOERR_WRITE`, …).
    var extendedCode: Int32
    /// What `sqlite3_errmsg` said when the call failed.
    var message: String
    /// The statement that failed, if the failure belongs to one.
    var sql: String?

    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CORRUPT`, …).
    var primaryCode: Int32 { extendedCode & 0xFF }

    var description: String {
        let base = "SQLite error \(extendedCode): \(message)"
        guard let sql else { return base }
        return "\(base) (in \(sql))"
    }
}

extension SQLiteError {
    /// A zstd failure inside a write transaction, as `SQLITE_ERROR` with zstd's words, so that the
    /// transaction rolls back like any other failed write.
    init(zstd error: ZstdError) {
        self.init(extendedCode: SQLITE_ERROR, message: error.description)
    }
}
