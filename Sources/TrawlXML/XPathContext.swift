import CTrawlXML2

/// Owns one `xmlXPathContext` (freed with `xmlXPathFreeContext`) and the document it queries.
///
/// libxml2 reports XPath errors through the calling thread's error handlers, which
/// ``XMLLibrary/prepareThread()`` makes silent, and records them as the thread's last error,
/// where the message is read back. Not Sendable: use it on the thread that owns the document.
final class XPathContext {
    private let pointer: xmlXPathContextPtr
    /// Kept alive because the context points into it.
    private let document: DocumentHandle?

    /// Creates a context for `document` (`xmlXPathNewContext`), or a document-less one for
    /// compiling.
    init(document: DocumentHandle?) throws(XMLError) {
        XMLLibrary.prepareThread()
        guard let pointer = xmlXPathNewContext(document?.pointer) else {
            throw XMLError(.outOfMemory, "cannot create an XPath context")
        }
        self.pointer = pointer
        self.document = document
    }

    deinit {
        xmlXPathFreeContext(pointer)
    }

    /// Compiles `source` with `xmlXPathCtxtCompile` and discards the result; throws libxml2's
    /// message if it does not compile.
    func compile(_ source: String) throws(XMLError) {
        try Self.checkNoNUL(source)
        XMLLibrary.prepareThread()
        resetError()
        let compiled = source.withCString { text in
            text.withMemoryRebound(to: xmlChar.self, capacity: 1) { xmlXPathCtxtCompile(pointer, $0) }
        }
        guard let compiled else { throw lastError(for: source) }
        xmlXPathFreeCompExpr(compiled)
    }

    /// Evaluates `source` (`xmlXPathEval`) with the document node as the context node.
    func evaluate(_ source: String) throws(XMLError) -> XPathValue {
        try Self.checkNoNUL(source)
        XMLLibrary.prepareThread()
        resetError()
        // Evaluation moves these; reset them so every expression starts from the document.
        pointer.pointee.node = document?.node
        pointer.pointee.contextSize = -1
        pointer.pointee.proximityPosition = -1
        let result = source.withCString { text in
            text.withMemoryRebound(to: xmlChar.self, capacity: 1) { xmlXPathEval($0, pointer) }
        }
        guard let result else { throw lastError(for: source) }
        return XPathObject(result).value
    }

    private func resetError() {
        xmlResetLastError()
    }

    /// The calling thread's last libxml2 error (`xmlGetLastError`), as an ``XMLError``.
    private func lastError(for source: String) -> XMLError {
        var detail = "cannot be evaluated"
        if let error = xmlGetLastError(), let message = error.pointee.message {
            detail = String(cString: message)
            while let last = detail.last, last.isWhitespace { detail.removeLast() }
            if error.pointee.domain == Int32(XML_FROM_XPATH.rawValue), error.pointee.int1 > 0 {
                detail += " (at offset \(error.pointee.int1))"
            }
        }
        return XMLError(.xpath, "invalid XPath '\(source)': \(detail)")
    }

    private static func checkNoNUL(_ source: String) throws(XMLError) {
        if source.utf8.contains(0) {
            throw XMLError(.xpath, "invalid XPath: the expression contains a NUL character")
        }
    }
}

@available(*, unavailable)
extension XPathContext: Sendable {}
