/// Why the test server (or the raw test client) could not do what was asked.
public struct TestServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, short label for the failure.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// `socket`, `bind`, `listen` or `getsockname` failed.
        public static let listen = Code(rawValue: "listen")
        /// The address is not a dotted IPv4 address.
        public static let badAddress = Code(rawValue: "bad-address")
        /// `connect` failed (raw client).
        public static let connect = Code(rawValue: "connect")
        /// A send or receive failed, or the peer closed too early.
        public static let io = Code(rawValue: "io")
        /// The peer sent something that is not HTTP/1.1.
        public static let malformed = Code(rawValue: "malformed")
        /// A file or directory given on the command line could not be used.
        public static let badRoot = Code(rawValue: "bad-root")
    }

    public var code: Code
    /// The failing call and `errno`, or the offending input.
    public var detail: String

    public init(_ code: Code, _ detail: String = "") {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        detail.isEmpty ? code.rawValue : "\(code.rawValue): \(detail)"
    }
}
