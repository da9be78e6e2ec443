import TrawlCore

/// A compiled RFC 9535 JSONPath query, such as `$.store.book[*].title`.
///
/// Supported: the root `$`; child segments `.name`, `.*` and `[…]`; descendant segments
/// `..name`, `..*` and `..[…]`; name, wildcard, index (negative from the end) and slice
/// selectors, several per bracket. Filter selectors (`?…`) and function extensions are
/// rejected with ``JSONPathError/Code/unsupported`` for now.
///
/// A name selector picks the first member with that key when an object repeats a key
/// (``JSONParser`` keeps duplicates). Equality and hashing compare the query text.
///
/// Thread safety: an immutable value; evaluate from any thread.
public struct JSONPathQuery: Sendable, Hashable, CustomStringConvertible {
    /// The query text as given.
    public let source: String
    let segments: [JSONPathSegment]

    /// Parses and validates `source`.
    ///
    /// - Throws: ``JSONPathError`` naming the position of the first problem, for example
    ///   `invalid JSONPath '$.a[': unexpected end at 4`.
    public init(_ source: String) throws(JSONPathError) {
        self.source = source
        self.segments = try JSONPathParser.parse(source)
    }

    /// The values of the nodes the query selects from `root`, in nodelist order.
    public func evaluate(_ root: JSONValue) -> [JSONValue] {
        JSONPathEvaluator(root: root).evaluate(segments)
    }

    public var description: String { source }

    public static func == (lhs: JSONPathQuery, rhs: JSONPathQuery) -> Bool {
        lhs.source == rhs.source
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}
