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
}
