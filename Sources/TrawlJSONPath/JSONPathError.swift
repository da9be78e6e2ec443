/// Why a JSONPath query string was rejected, and where.
///
/// The ``description`` names the query and the position, for example
/// `invalid JSONPath '$.a[': unexpected end at 4`. Positions count Unicode scalars from zero.
public struct JSONPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, short label for the kind of problem.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The query ended where more was expected.
        public static let unexpectedEnd = Code(rawValue: "unexpected-end")
        /// A character or token the grammar does not allow at this point.
        public static let unexpectedToken = Code(rawValue: "unexpected-token")
        /// Whitespace where RFC 9535 forbids it (before `$`, after `.`, at the end).
        public static let whitespace = Code(rawValue: "whitespace")
        /// An integer with leading zeros, `-0`, or outside ±(2^53 − 1).
        public static let invalidInteger = Code(rawValue: "invalid-integer")
        /// A bad escape or an unescaped control character in a string literal.
        public static let invalidString = Code(rawValue: "invalid-string")
        /// Valid RFC 9535 syntax that this implementation does not support. Nothing raises it
        /// since filters and functions are supported; kept so callers' code keeps compiling.
        public static let unsupported = Code(rawValue: "unsupported")
        /// A number literal with leading zeros.
        public static let invalidNumber = Code(rawValue: "invalid-number")
        /// An ill-typed filter (RFC 9535 section 2.4.3): an unknown function, a wrong number or
        /// kind of arguments, a non-singular query or a LogicalType result compared, a ValueType
        /// result or a literal used as a test.
        public static let functionType = Code(rawValue: "function-type")
        /// Filter expressions nested deeper than the parser allows (64 levels).
        public static let tooDeep = Code(rawValue: "too-deep")
    }

    /// The kind of problem.
    public var code: Code
    /// The query as given.
    public var query: String
    /// The zero-based position, in Unicode scalars, where the problem was found.
    public var position: Int
    /// What was wrong, in a few words (`unexpected end`).
    public var message: String

    public init(_ code: Code, query: String, position: Int, _ message: String) {
        self.code = code
        self.query = query
        self.position = position
        self.message = message
    }

    public var description: String { "invalid JSONPath '\(query)': \(message) at \(position)" }
}
