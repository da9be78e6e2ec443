import CTrawlXML2

/// Owns one `xmlXPathObject` result and frees it with `xmlXPathFreeObject`.
///
/// Not Sendable: its node set points into a document owned by one thread.
final class XPathObject {
    private let pointer: xmlXPathObjectPtr

    init(_ pointer: xmlXPathObjectPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlXPathFreeObject(pointer)
    }

    /// The result as a Swift value; node sets become the string value of each node.
    var value: XPathValue {
        let object = pointer.pointee
        switch object.type {
        case XPATH_NODESET, XPATH_XSLT_TREE:
            return .nodes(Self.stringValues(of: object.nodesetval))
        case XPATH_STRING:
            return .string(XMLLibrary.string(object.stringval))
        case XPATH_NUMBER:
            return .number(object.floatval)
        case XPATH_BOOLEAN:
            return .boolean(object.boolval != 0)
        default:
            return .string(XMLLibrary.takeString(xmlXPathCastToString(pointer)))
        }
    }

    /// The nodes of a node-set result in document order, without namespace nodes; nil for
    /// other results. The nodes belong to the document, not to this object.
    var nodes: [xmlNodePtr]? {
        let object = pointer.pointee
        guard object.type == XPATH_NODESET || object.type == XPATH_XSLT_TREE else { return nil }
        guard let set = object.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else { return [] }
        var nodes: [xmlNodePtr] = []
        nodes.reserveCapacity(Int(set.pointee.nodeNr))
        for index in 0..<Int(set.pointee.nodeNr) {
            if let node = table[index], node.pointee.type != XML_NAMESPACE_DECL { nodes.append(node) }
        }
        return nodes
    }

    /// The XPath string value of each node (`xmlXPathCastNodeToString`), in document order.
    private static func stringValues(of set: xmlNodeSetPtr?) -> [String] {
        guard let set, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else { return [] }
        let count = Int(set.pointee.nodeNr)
        var values: [String] = []
        values.reserveCapacity(count)
        for index in 0..<count {
            guard let node = table[index] else { continue }
            values.append(XMLLibrary.takeString(xmlXPathCastNodeToString(node)))
        }
        return values
    }
}

@available(*, unavailable)
extension XPathObject: Sendable {}
