import CTrawlXML2

extension HTMLNode {
    /// What a node of the tree is, as far as a tree walker cares.
    public enum Kind: Sendable, Hashable {
        case element
        /// Character data: text and CDATA sections.
        case text
        case comment
        /// Anything else: the document node, processing instructions, DTDs, attributes.
        case other
    }

    /// The node's kind, read from `xmlNode.type`.
    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: .text
        case XML_COMMENT_NODE: .comment
        default: .other
        }
    }

    /// Whether the node is an element.
    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// An element's tag name, lowercased (libxml2's HTML parser already lowercases names; this
    /// also lowercases names from XHTML input). Empty for nodes that are not elements.
    public var tagName: String {
        guard pointer.pointee.type == XML_ELEMENT_NODE, let name = pointer.pointee.name else { return "" }
        var bytes = UnsafePointer<xmlChar>(name)
        var hasUpper = false
        while bytes.pointee != 0 {
            if bytes.pointee >= 0x41 && bytes.pointee <= 0x5A { hasUpper = true; break }
            bytes += 1
        }
        let text = XMLLibrary.string(name)
        return hasUpper ? text.lowercased() : text
    }

    /// Whether this is an element named `name` (ASCII lowercase expected), compared in place
    /// without making a string.
    public func isElement(named name: StaticString) -> Bool {
        guard pointer.pointee.type == XML_ELEMENT_NODE, let own = pointer.pointee.name else { return false }
        return HTMLNode.equalsIgnoringASCIICase(own, name)
    }

    /// The value of the attribute `name` (matched ignoring ASCII case), or nil when absent.
    public func attribute(_ name: String) -> String? {
        guard pointer.pointee.type == XML_ELEMENT_NODE else { return nil }
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, HTMLNode.equalsIgnoringASCIICase(attributeName, name) {
                return HTMLNode.value(of: current)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Every attribute as (lowercased name, value), in source order; empty for non-elements.
    public var attributes: [(name: String, value: String)] {
        guard pointer.pointee.type == XML_ELEMENT_NODE else { return [] }
        var result: [(name: String, value: String)] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            result.append((XMLLibrary.string(current.pointee.name).lowercased(), HTMLNode.value(of: current)))
            attribute = current.pointee.next
        }
        return result
    }

    /// The first child node (of any kind), or nil.
    public var firstChild: HTMLNode? { pointer.pointee.children.map { HTMLNode(pointer: $0, document: document) } }

    /// The next sibling node (of any kind), or nil.
    public var nextSibling: HTMLNode? { pointer.pointee.next.map { HTMLNode(pointer: $0, document: document) } }

    /// The parent element, or nil at the root element (the document node is not returned).
    public var parent: HTMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(pointer: parent, document: document)
    }

    /// The children in document order, walked lazily through sibling pointers.
    public var children: HTMLNodeChildren { HTMLNodeChildren(first: firstChild) }

    /// A text or comment node's own text (entities already decoded by the parser); for an
    /// element, the concatenated text of all its descendants (`xmlNodeGetContent`).
    public var textContent: String {
        switch pointer.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE:
            return XMLLibrary.string(pointer.pointee.content)
        default:
            return XMLLibrary.takeString(xmlNodeGetContent(pointer))
        }
    }

    /// Calls `body` with the UTF-8 bytes of a text node's content in place, without copying;
    /// an empty buffer for other nodes. The buffer is valid only during the call.
    public func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let type = pointer.pointee.type
        guard type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = pointer.pointee.content else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }

    /// An attribute's value: the HTML parser stores it as one text node, read in place.
    private static func value(of attribute: xmlAttrPtr) -> String {
        guard let child = attribute.pointee.children else { return "" }
        if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE {
            return XMLLibrary.string(child.pointee.content)
        }
        return XMLLibrary.takeString(xmlNodeListGetString(attribute.pointee.doc, child, 1))
    }

    /// Whether the NUL-terminated `name` equals `literal`, ignoring ASCII case.
    static func equalsIgnoringASCIICase(_ name: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { bytes in
            for index in 0..<bytes.count where lowercase(name[index]) != lowercase(bytes[index]) {
                return false
            }
            return name[bytes.count] == 0
        }
    }

    /// Whether the NUL-terminated `name` equals `text`, ignoring ASCII case.
    static func equalsIgnoringASCIICase(_ name: UnsafePointer<xmlChar>, _ text: String) -> Bool {
        var index = 0
        for byte in text.utf8 {
            if name[index] == 0 || lowercase(name[index]) != lowercase(byte) { return false }
            index += 1
        }
        return name[index] == 0
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

extension HTMLNode: Equatable, Hashable {
    /// Two values are equal when they are the same node of the same document.
    public static func == (lhs: HTMLNode, rhs: HTMLNode) -> Bool { lhs.pointer == rhs.pointer }

    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }
}
