/// An error from parsing a document or compiling or evaluating an XPath expression.
///
/// ``code`` is a short stable label for grouping; ``message`` carries the detail, including
/// libxml2's own message where it gave one.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, short label for the kind of failure.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// libxml2 could not make a document of the bytes (for example an empty body).
        public static let parse = Code(rawValue: "parse")
        /// libxml2 stopped parsing before the end of the input, so the document would miss
        /// the rest of the page.
        public static let incomplete = Code(rawValue: "incomplete")
        /// An XPath expression did not compile or failed to evaluate.
        public static let xpath = Code(rawValue: "xpath")
        /// The input is larger than libxml2 accepts (2 GiB).
        public static let tooLarge = Code(rawValue: "too-large")
        /// libxml2 could not allocate memory for an object.
        public static let outOfMemory = Code(rawValue: "out-of-memory")
    }

    public var code: Code
    /// Human-readable detail, for example `invalid XPath '//h1[': Invalid expression (at offset 5)`.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
