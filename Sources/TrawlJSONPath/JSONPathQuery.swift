import TrawlCore

/// A compiled RFC 9535 JSONPath query, such as `$.store.book[*].title`.
///
/// All of RFC 9535: the root `$`; child segments `.name`, `.*` and `[…]`; descendant segments
/// `..name`, `..*` and `..[…]`; name, wildcard, index (negative from the end), slice and
/// filter selectors, several per bracket. Filters (`[?@.price < 10 && @.tags[0] == 'new']`)
/// support comparisons, `&&`, `||`, `!`, parentheses, existence tests, `@` and `$` queries and
/// the functions `length`, `count`, `match`, `search` and `value`, type-checked here: an
/// ill-typed filter is a ``JSONPathError`` with code ``JSONPathError/Code/functionType``.
/// `match` / `search` patterns are I-Regexps (RFC 9485), run by a linear-time matcher; a
/// literal pattern is compiled with the query, and an invalid one makes the function false.
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
