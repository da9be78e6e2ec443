import CTrawlSQLite
import Foundation

/// The owner of one `sqlite3*` database connection, closed in `deinit`.
///
/// Not Sendable: a connection is opened with `SQLITE_OPEN_NOMUTEX`, so it must stay on one thread
/// or serial queue at a time. ``DatabaseQueue`` is what confines it.
final class SQLiteConnection {
    /// The raw `sqlite3*`; valid for the life of this object.
    let handle: OpaquePointer
    /// The file the connection was opened on.
    let path: String

    /// Opens `path` with `sqlite3_open_v2`; `create` adds `SQLITE_OPEN_CREATE`.
    ///
    /// Opening reads nothing: a file that is not a database is only noticed by the first statement.
    init(path: String, create: Bool = true) throws(SQLiteError) {
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        if create { flags |= SQLITE_OPEN_CREATE }
        var raw: OpaquePointer?
        let resultCode = sqlite3_open_v2(path, &raw, flags, nil)
        guard let raw else {
            throw SQLiteError(extendedCode: SQLITE_NOMEM, message: "out of memory opening \(path)")
        }
        guard resultCode == SQLITE_OK else {
            let error = SQLiteError(
                extendedCode: sqlite3_extended_errcode(raw), message: String(cString: sqlite3_errmsg(raw)))
            sqlite3_close_v2(raw)
            throw error
        }
        self.handle = raw
        self.path = path
    }

    deinit {
        // close_v2 defers the close until any statement still alive is finalized.
        sqlite3_close_v2(handle)
    }

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

    /// How long a statement waits for another connection's lock before failing with `SQLITE_BUSY`
    /// (`sqlite3_busy_timeout`).
    func setBusyTimeout(milliseconds: Int32) throws(SQLiteError) {
        try check(sqlite3_busy_timeout(handle, milliseconds))
    }

    /// Compiles one statement (`sqlite3_prepare_v3`); `persistent` hints that it will be reused.
    func prepare(_ sql: String, persistent: Bool = false) throws(SQLiteError) -> SQLiteStatement {
        var raw: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        try check(sqlite3_prepare_v3(handle, sql, -1, flags, &raw, nil), sql: sql)
        guard let raw else {
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "no statement in SQL", sql: sql)
        }
        return SQLiteStatement(handle: raw, connection: self, sql: sql)
    }

    /// Runs SQL that takes no parameters and returns no rows needed (`sqlite3_exec`).
    ///
    /// For fixed text written in this module only: values always go through bound parameters.
    func execute(_ sql: String) throws(SQLiteError) {
        try check(sqlite3_exec(handle, sql, nil, nil, nil), sql: sql)
    }

    /// The first column of the first row of `sql` as an integer, or nil when there is no row.
    func integer(_ sql: String) throws(SQLiteError) -> Int64? {
        let statement = try prepare(sql)
        guard try statement.step() else { return nil }
        return statement.int64(at: 0)
    }

    /// The first column of the first row of `sql` as text, or nil when there is no row.
    func text(_ sql: String) throws(SQLiteError) -> String? {
        let statement = try prepare(sql)
        guard try statement.step() else { return nil }
        return statement.text(at: 0)
    }

    /// True when no transaction is open (`sqlite3_get_autocommit`).
    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }
}

/// Confined to one thread or queue at a time; see the type's documentation.
@available(*, unavailable)
extension SQLiteConnection: Sendable {}
