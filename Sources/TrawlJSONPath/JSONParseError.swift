/// Why a JSON document was rejected, and the byte where the parser stopped.
///
/// The ``description`` is one stable line, for example `invalid JSON at byte 17: expected ':'`,
/// suitable as the detail of a failed page.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, short label for the kind of problem.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The document ended in the middle of a value (or was empty).
        public static let unexpectedEnd = Code(rawValue: "unexpected-end")
        /// A byte that the grammar does not allow at this point.
        public static let unexpectedCharacter = Code(rawValue: "unexpected-character")
        /// A number that does not follow the RFC 8259 number grammar.
        public static let invalidNumber = Code(rawValue: "invalid-number")
        /// A bad escape, an unescaped control character, or a lone surrogate in a string.
        public static let invalidString = Code(rawValue: "invalid-string")
        /// Bytes that are not well-formed UTF-8.
        public static let invalidUTF8 = Code(rawValue: "invalid-utf8")
        /// Arrays and objects nested deeper than ``JSONParser/maximumDepth``.
        public static let tooDeep = Code(rawValue: "too-deep")
        /// Something other than whitespace after the top-level value.
        public static let trailingData = Code(rawValue: "trailing-data")
    }

    /// The kind of problem.
    public var code: Code
    /// The zero-based byte offset into the input (after any BOM counts as bytes 0–2).
    public var offset: Int
    /// What was wrong, in a few words (`expected ':'`).
    public var message: String

    public init(_ code: Code, at offset: Int, _ message: String) {
        self.code = code
        self.offset = offset
        self.message = message
    }

    public var description: String { "invalid JSON at byte \(offset): \(message)" }
}
