/// One step of a forward-only XML read by ``XMLStreamReader``.
///
/// Depth counts from 0 at the document element. Names are local names (without prefix); the
/// namespace is the element's namespace URI, nil when it has none.
public enum XMLStreamEvent: Sendable, Hashable {
    /// A start tag, or an empty-element tag (`isEmpty`, which has no matching end event).
    case startElement(localName: String, namespace: String?, depth: Int, isEmpty: Bool)
    /// An end tag.
    case endElement(localName: String, namespace: String?, depth: Int)
    /// Character data or a CDATA section, with predefined and character references replaced.
    /// Entity references other than the predefined ones are never expanded and give no event.
    case text(String)
}
