/// A WARC file that could not be created or written.
public struct WARCError: Error, Sendable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    /// What failed, for humans.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// One line: `cannot write WARC file out.warc.gz: …`.
    public var description: String { "cannot write WARC file \(path): \(message)" }
}
