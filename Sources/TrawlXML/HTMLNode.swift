import CTrawlXML2

/// A node of an ``HTMLDocument`` (element, attribute or text) that an XPath expression
/// selected, to evaluate further expressions relative to it (an `each` match).
///
/// It keeps its document's memory alive, but the document's rules still apply: not Sendable,
/// use it on the thread that owns the document, and only with that document.
public struct HTMLNode {
    let pointer: xmlNodePtr
    let document: DocumentHandle

    /// The node's XPath string value (`xmlXPathCastNodeToString`): attribute values for
    /// attributes, the concatenated descendant text for elements.
    public var stringValue: String {
        XMLLibrary.takeString(xmlXPathCastNodeToString(pointer))
    }
}

@available(*, unavailable)
extension HTMLNode: Sendable {}
