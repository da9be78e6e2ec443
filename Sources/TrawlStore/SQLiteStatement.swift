import CTrawlSQLite

/// The owner of one prepared `sqlite3_stmt*`, finalized in `deinit`.
///
/// Keeps its ``SQLiteConnection`` alive. Not Sendable, like the connection. Parameter indexes
/// and column indexes follow SQLite: parameters count from 1, columns from 0.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let connection: SQLiteConnection
    /// The SQL text, attached to every error.
    let sql: String

    init(handle: OpaquePointer, connection: SQLiteConnection, sql: String) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// `SQLITE_TRANSIENT`, which Swift cannot import: SQLite copies the bound bytes at once.
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }

    // MARK: Binding

    /// Binds an integer (`sqlite3_bind_int64`).
    func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
        try connection.check(sqlite3_bind_int64(handle, index, value), sql: sql)
    }

    /// Binds a double (`sqlite3_bind_double`).
    func bind(_ value: Double, at index: Int32) throws(SQLiteError) {
        try connection.check(sqlite3_bind_double(handle, index, value), sql: sql)
    }

    /// Binds UTF-8 text, embedded NULs included (`sqlite3_bind_text64`).
    func bind(_ value: String, at index: Int32) throws(SQLiteError) {
        var value = value
        let resultCode = value.withUTF8 { bytes -> Int32 in
            // A nil pointer would bind NULL; an empty string must stay an empty text.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, Self.transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text64(
                    handle, index, $0, UInt64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
            }
        }
        try connection.check(resultCode, sql: sql)
    }

    /// Binds bytes as a BLOB; an empty array binds an empty BLOB, not NULL (`sqlite3_bind_blob64`).
    func bind(_ value: [UInt8], at index: Int32) throws(SQLiteError) {
        let resultCode = value.withUnsafeBytes { bytes -> Int32 in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_zeroblob(handle, index, 0)
            }
            return sqlite3_bind_blob64(handle, index, base, UInt64(bytes.count), Self.transient)
        }
        try connection.check(resultCode, sql: sql)
    }

    /// Binds NULL (`sqlite3_bind_null`); a persistent statement keeps its last bindings, so an
    /// absent value must be bound too.
    func bindNull(at index: Int32) throws(SQLiteError) {
        try connection.check(sqlite3_bind_null(handle, index), sql: sql)
    }

    // MARK: Running

    /// Advances to the next row (`sqlite3_step`): true for a row, false when done.
    func step() throws(SQLiteError) -> Bool {
        let resultCode = sqlite3_step(handle)
        try connection.check(resultCode, sql: sql)
        return resultCode == SQLITE_ROW
    }

    /// Steps a statement without rows to the end, leaving it ready to run again.
    func runOnce() throws(SQLiteError) {
        defer { reset() }
        _ = try step()
    }

    /// Resets the statement for another run and clears its bindings
    /// (`sqlite3_reset`, `sqlite3_clear_bindings`). Never throws: reset repeats the last step's
    /// error, which its caller has already seen.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Columns: nil when the stored value has another type

    /// The storage class of a column in the current row (`SQLITE_INTEGER` … `SQLITE_NULL`).
    func type(at column: Int32) -> Int32 {
        sqlite3_column_type(handle, column)
    }

    /// An INTEGER column (`sqlite3_column_int64`).
    func int64(at column: Int32) -> Int64? {
        guard type(at: column) == SQLITE_INTEGER else { return nil }
        return sqlite3_column_int64(handle, column)
    }

    /// A REAL column, or an INTEGER one widened (`sqlite3_column_double`).
    func double(at column: Int32) -> Double? {
        let storage = type(at: column)
        guard storage == SQLITE_FLOAT || storage == SQLITE_INTEGER else { return nil }
        return sqlite3_column_double(handle, column)
    }

    /// A TEXT column, decoded as UTF-8 with repair (`sqlite3_column_text`).
    func text(at column: Int32) -> String? {
        guard type(at: column) == SQLITE_TEXT else { return nil }
        // Pointer first, then length: the documented order that avoids a conversion.
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// A BLOB column (`sqlite3_column_blob`).
    func blob(at column: Int32) -> [UInt8]? {
        guard type(at: column) == SQLITE_BLOB else { return nil }
        guard let bytes = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// Runs `body` on the bytes of a BLOB column without copying them (`sqlite3_column_blob`);
    /// nil when the column is not a BLOB. The bytes are valid only inside `body`.
    func withBlob<T, Failure: Error>(
        at column: Int32, _ body: (UnsafeRawBufferPointer) throws(Failure) -> T
    ) throws(Failure) -> T? {
        guard type(at: column) == SQLITE_BLOB else { return nil }
        let bytes = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : count))
    }
}

/// Confined to one thread or queue at a time; see the type's documentation.
@available(*, unavailable)
extension SQLiteStatement: Sendable {}
