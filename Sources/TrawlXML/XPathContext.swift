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
    /// Expressions compiled on this context, freed with it (`xmlXPathFreeCompExpr`).
    private var compiledExpressions: [String: xmlXPathCompExprPtr] = [:]

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
        for expression in compiledExpressions.values { xmlXPathFreeCompExpr(expression) }
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

    /// Evaluates `source` with `node` as the context node, or the document node when nil.
    func evaluate(_ source: String, at node: xmlNodePtr? = nil) throws(XMLError) -> XPathValue {
        try run(source, at: node).value
    }

    /// The nodes `source` selects from `node` (or the document), in document order; throws
    /// when the result is not a node set. Namespace nodes are left out: libxml2 copies them
    /// into the result, so they die with it.
    func nodes(_ source: String, at node: xmlNodePtr? = nil) throws(XMLError) -> [xmlNodePtr] {
        guard let nodes = try run(source, at: node).nodes else {
            throw XMLError(.xpath, "invalid XPath '\(source)': it gives a value, not nodes")
        }
        return nodes
    }

    /// Evaluates `source` (`xmlXPathCompiledEval`) from `node`, compiling it on first use.
    ///
    /// Compiled expressions are kept for the context's lifetime (one page), so an expression
    /// evaluated for each of a page's `each` matches compiles once per page. They are never
    /// shared: libxml2 caches lookups inside them while evaluating.
    private func run(_ source: String, at node: xmlNodePtr?) throws(XMLError) -> XPathObject {
        try Self.checkNoNUL(source)
        XMLLibrary.prepareThread()
        resetError()
        let expression = try compiled(source)
        // Evaluation moves these; reset them so every expression starts from its context node.
        pointer.pointee.node = node ?? document?.node
        pointer.pointee.contextSize = -1
        pointer.pointee.proximityPosition = -1
        guard let result = xmlXPathCompiledEval(expression, pointer) else { throw lastError(for: source) }
        return XPathObject(result)
    }

    private func compiled(_ source: String) throws(XMLError) -> xmlXPathCompExprPtr {
        if let known = compiledExpressions[source] { return known }
        let compiled = source.withCString { text in
            text.withMemoryRebound(to: xmlChar.self, capacity: 1) { xmlXPathCtxtCompile(pointer, $0) }
        }
        guard let compiled else { throw lastError(for: source) }
        compiledExpressions[source] = compiled
        return compiled
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
