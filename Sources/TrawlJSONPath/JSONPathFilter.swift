import TrawlCore

/// The logical expression of a filter selector `[?…]` (RFC 9535 section 2.3.5), type-checked
/// when the query is parsed.
///
/// The evaluator applies it to each child of an array or object with that child as `@`; the
/// child is selected when the expression is true.
indirect enum JSONPathFilter: Sendable, Hashable {
    /// `a || b || …`: true when any operand is true; evaluated left to right, short-circuit.
    case or([JSONPathFilter])
    /// `a && b && …`: true when every operand is true; evaluated left to right, short-circuit.
    case and([JSONPathFilter])
    /// `!a`
    case not(JSONPathFilter)
    /// A bare query: true when it selects at least one node.
    case exists(Query)
    /// A function whose result is a LogicalType (`match`, `search`).
    case function(JSONPathFunctionCall)
    /// `left op right`, both sides ValueType (RFC 9535 section 2.3.5.2.2 semantics).
    case comparison(Operand, JSONPathComparison.Operator, Operand)

    /// A query inside a filter: relative to `@` or absolute from `$`.
    struct Query: Sendable, Hashable {
        let isAbsolute: Bool
        let segments: [JSONPathSegment]
        /// Whether the query selects at most one node: only `.name`, `['name']` and `[index]`
        /// child segments (RFC 9535 `singular-query`). Decided once, at parse time.
        let isSingular: Bool

        init(isAbsolute: Bool, segments: [JSONPathSegment]) {
            self.isAbsolute = isAbsolute
            self.segments = segments
            self.isSingular = segments.allSatisfy { segment in
                guard segment.kind == .child, segment.isCompact, segment.selectors.count == 1 else { return false }
                switch segment.selectors[0] {
                case .name, .index: return true
                default: return false
                }
            }
        }
    }

    /// One side of a comparison, or one function argument.
    enum Operand: Sendable, Hashable {
        /// A string, number, `true`, `false` or `null` literal.
        case literal(JSONValue)
        /// A query; in a comparison or a ValueType argument it must be singular.
        case query(Query)
        /// A function call; its declared result type decides where it may appear.
        case function(JSONPathFunctionCall)
        /// A logical expression (only as a LogicalType function argument).
        case logical(JSONPathFilter)
    }
}
