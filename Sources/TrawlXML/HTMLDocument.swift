import CTrawlXML2

/// A parsed HTML document that answers XPath queries and lists its links.
///
/// Parsing uses libxml2's forgiving HTML parser (`htmlReadMemory`), which recovers from broken
/// markup the way browsers do and never touches the network. Errors and warnings are dropped,
/// never printed.
///
/// Threading: not Sendable. Create, query and release a document on one thread (one task
/// without a suspension point in between is fine). Different documents may be parsed and
/// queried on many threads at once.
public final class HTMLDocument {
    let handle: DocumentHandle
    private var context: XPathContext?

    /// Parses `bytes` as HTML (`htmlReadMemory` with `HTML_PARSE_RECOVER | NOERROR | NOWARNING |
    /// NONET | COMPACT`).
    ///
    /// - Parameters:
    ///   - url: The document's URL, recorded in the document (nothing is fetched).
    ///   - encoding: The charset from the `Content-Type` header, if known (`utf-8`,
    ///     `iso-8859-1`, `shift_jis`, …). Without it libxml2 reads a `<meta charset>` or
    ///     `<meta http-equiv>` declaration, and otherwise assumes UTF-8. An unknown name is
    ///     ignored.
    /// - Throws: ``XMLError/Code/parse`` when libxml2 makes no document of the bytes (an empty
    ///   body), ``XMLError/Code/tooLarge`` past 2 GiB.
    public init(parsing bytes: [UInt8], url: String? = nil, encoding: String? = nil) throws(XMLError) {
        XMLLibrary.prepareThread()
        let options = Int32(
            bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
                | HTML_PARSE_COMPACT.rawValue)
        let document = try XMLLibrary.withBuffer(bytes) { buffer, size in
            XMLLibrary.withOptionalCString(url) { url in
                XMLLibrary.withOptionalCString(encoding) { encoding in
                    htmlReadMemory(buffer, size, url, encoding, options)
                }
            }
        }
        guard let document else { throw XMLError(.parse, "libxml2 made no HTML document of the bytes") }
        self.handle = DocumentHandle(document)
    }

    /// Evaluates `expression` with the document as the context node.
    ///
    /// - Throws: ``XMLError/Code/xpath`` when evaluation fails, for example on an unknown
    ///   function.
    public func evaluate(_ expression: XPathExpression) throws(XMLError) -> XPathValue {
        try xpathContext().evaluate(expression.source)
    }

    /// The XPath context, created on first use and reused for every later expression.
    func xpathContext() throws(XMLError) -> XPathContext {
        if let context { return context }
        let created = try XPathContext(document: handle)
        context = created
        return created
    }
}

@available(*, unavailable)
extension HTMLDocument: Sendable {}
