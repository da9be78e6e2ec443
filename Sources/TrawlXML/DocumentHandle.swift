import CTrawlXML2

/// Owns one parsed `xmlDoc` and frees it with `xmlFreeDoc` when the last reference goes.
///
/// Not Sendable: libxml2 documents are not thread-safe, so a document stays on one thread.
final class DocumentHandle {
    let pointer: xmlDocPtr

    init(_ pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The document itself as a node, the context node for XPath and the top of tree walks.
    var node: xmlNodePtr {
        UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: xmlNode.self)
    }
}

@available(*, unavailable)
extension DocumentHandle: Sendable {}
