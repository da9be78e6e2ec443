/// A zlib failure: what was being done and zlib's message.
package struct ZlibError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed, e.g. "inflateInit2" or "corrupt gzip data".
    package let message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { "zlib: \(message)" }
}
