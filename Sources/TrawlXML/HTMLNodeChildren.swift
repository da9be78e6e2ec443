/// The children of an ``HTMLNode``, walked through sibling pointers without building an array.
///
/// Not Sendable, like the nodes it yields.
public struct HTMLNodeChildren: Sequence, IteratorProtocol {
    private var upcoming: HTMLNode?

    init(first: HTMLNode?) {
        upcoming = first
    }

    public mutating func next() -> HTMLNode? {
        guard let current = upcoming else { return nil }
        upcoming = current.nextSibling
        return current
    }
}

@available(*, unavailable)
extension HTMLNodeChildren: Sendable {}
