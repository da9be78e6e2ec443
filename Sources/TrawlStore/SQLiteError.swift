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

extension SQLiteConnection {
    /// Turns a result code from a call on this connection into an error; `OK`, `ROW` and `DONE` pass.
    ///
    /// The one place SQLite result codes become errors, with the SQL attached when there is one.
    func check(_ resultCode: Int32, sql: String? = nil) throws(SQLiteError) {
        switch resultCode {
        case SQLITE_OK, SQLITE_ROW, SQLITE_DONE:
            return
        default:
            let extended = sqlite3_extended_errcode(handle)
            // errcode may describe a later call when the code came from elsewhere; trust the argument.
            let code = extended & 0xFF == resultCode & 0xFF ? extended : resultCode
            throw SQLiteError(
                extendedCode: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
        }
    }
}
