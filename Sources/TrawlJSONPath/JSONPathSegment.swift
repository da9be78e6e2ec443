/// One segment of a parsed query: the selectors of `.name`, `[…]`, `..name` or `..[…]`.
struct JSONPathSegment: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Applies the selectors to each input node.
        case child
        /// Applies the selectors to each input node and every node below it.
        case descendant
    }

    var kind: Kind
    /// The selectors, in order; each input node yields their results concatenated.
    var selectors: [JSONPathSelector]
    /// False for `[ 'a' ]` and `[0 ]`: RFC 9535's singular-query grammar (`name-segment`,
    /// `index-segment`) has no blank space inside the brackets, so such a segment cannot be
    /// part of a query that is compared or passed as a ValueType argument.
    var isCompact = true
}
