import CTrawlZstd

/// A failed libzstd call: what was being done and zstd's name for the error.
///
/// Internal: the store turns it into a ``StoreError`` with the cache path attached.
struct ZstdError: Error, CustomStringConvertible {
    /// The operation that failed, with the parameter when there is one.
    var operation: String
    /// `ZSTD_getErrorName` of the result code.
    var message: String

    var description: String { "zstd \(operation): \(message)" }

    /// The one place zstd result codes become errors: returns `result` unless it encodes an error
    /// (`ZSTD_isError`).
    @discardableResult
    static func check(_ result: Int, _ operation: @autoclosure () -> String) throws(ZstdError) -> Int {
        guard ZSTD_isError(result) != 0 else { return result }
        throw ZstdError(operation: operation(), message: String(cString: ZSTD_getErrorName(result)))
    }
}

extension StoreError {
    /// A compression failure on the cache at `path`: a corrupt pack on read, a bug on write.
    init(_ error: ZstdError, path: String) {
        self.init(.compression, path: path, message: error.description)
    }
}
