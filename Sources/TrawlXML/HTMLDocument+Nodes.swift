import CTrawlXML2

extension HTMLDocument {
    /// The nodes `expression` selects with the document as the context node, in document order.
    ///
    /// - Throws: ``XMLError/Code/xpath`` when evaluation fails or the expression gives a
    ///   string, number or boolean instead of nodes (`count(//a)`).
    public func nodes(matching expression: XPathExpression) throws(XMLError) -> [HTMLNode] {
        try xpathContext().nodes(expression.source).map { HTMLNode(pointer: $0, document: handle) }
    }

    /// Evaluates `expression` with `node` as the context node (`xmlXPathCompiledEval` with the
    /// context's `node` set): `./h2`, `span/@title` and `descendant::a` start from `node`,
    /// while `//h2` still searches the whole document.
    ///
    /// Uses the document's one XPath context, and compiles each expression once per document,
    /// so evaluating the same fields for every match of a listing costs one compilation each.
    /// - Throws: ``XMLError/Code/xpath`` when evaluation fails, or when `node` belongs to
    ///   another document.
    public func evaluate(_ expression: XPathExpression, relativeTo node: HTMLNode) throws(XMLError) -> XPathValue {
        guard node.document === handle else {
            throw XMLError(.xpath, "the context node belongs to another document")
        }
        return try xpathContext().evaluate(expression.source, at: node.pointer)
    }

    /// The nodes `expression` selects with `node` as the context node, in document order.
    ///
    /// - Throws: ``XMLError/Code/xpath`` when evaluation fails, the expression gives a value
    ///   instead of nodes, or `node` belongs to another document.
    public func nodes(matching expression: XPathExpression, relativeTo node: HTMLNode) throws(XMLError) -> [HTMLNode] {
        guard node.document === handle else {
            throw XMLError(.xpath, "the context node belongs to another document")
        }
        return try xpathContext().nodes(expression.source, at: node.pointer).map { HTMLNode(pointer: $0, document: handle) }
    }
}
