/// Why a string could not be parsed as a URL.
///
/// Thrown by ``WebURL/init(_:)`` and ``WebURL/resolving(_:)``. The ``code`` is a
/// stable label for grouping failures; ``description`` is one line naming the input.
public struct URLParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, short label for the kind of failure.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The input has no scheme, or the scheme contains characters other than
        /// ASCII alphanumerics, `+`, `-` and `.`.
        public static let invalidScheme = Code(rawValue: "invalid-scheme")
        /// The input is relative and there is no base to resolve it against,
        /// or the base has an opaque path (`mailto:`) and cannot serve as one.
        public static let missingBase = Code(rawValue: "missing-base")
        /// A special scheme (`http`, `https`, …) with an empty host.
        public static let missingHost = Code(rawValue: "missing-host")
        /// The host contains a forbidden code point or is an invalid IPv4 or IPv6 literal.
        public static let invalidHost = Code(rawValue: "invalid-host")
        /// The host is an internationalized name that cannot be mapped to ASCII
        /// (a disallowed code point, or a label Punycode cannot encode).
        public static let unsupportedHost = Code(rawValue: "unsupported-host")
        /// The port is not a decimal number in 0...65535.
        public static let invalidPort = Code(rawValue: "invalid-port")
        /// Credentials or a port appear where the URL has no host.
        public static let invalidCredentials = Code(rawValue: "invalid-credentials")
        /// The input is longer than ``WebURL/maximumLength``.
        public static let tooLong = Code(rawValue: "too-long")
    }

    /// What went wrong.
    public var code: Code
    /// The string that failed to parse (cut to 200 characters when longer).
    public var input: String
    /// A short explanation of the failure, shown in the description.
    public var reason: String

    /// Creates an error for `input`; `reason` defaults to the code's label.
    public init(_ code: Code, input: String, reason: String? = nil) {
        self.code = code
        self.input = input.count > 200 ? String(input.prefix(200)) + "…" : input
        self.reason = reason ?? code.rawValue
    }

    /// One line, for example `invalid URL 'htp:/x': missing host`.
    public var description: String {
        "invalid URL '\(input)': \(reason)"
    }
}
