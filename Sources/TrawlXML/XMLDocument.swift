import CTrawlXML2

/// A parsed XML document (a sitemap, a feed) that answers XPath queries.
///
/// Parsing uses `xmlReadMemory` with `XML_PARSE_NONET | NOERROR | NOWARNING` and never with
/// `XML_PARSE_NOENT` or `XML_PARSE_DTDLOAD`: external entities and DTDs are never loaded (and
/// the process-wide entity loader refuses them anyway), so a document cannot make the crawler
/// read local files or the network. Malformed XML is an error, not recovered.
///
/// Threading: not Sendable. Create, query and release a document on one thread. Different
/// documents may be parsed and queried on many threads at once.
public final class XMLDocument {
    let handle: DocumentHandle
    private var context: XPathContext?

    /// Parses `bytes` as XML.
    ///
    /// - Parameters:
    ///   - url: The document's URL, recorded in the document (nothing is fetched).
    ///   - encoding: The charset from the `Content-Type` header, if known; otherwise the XML
    ///     declaration or byte-order mark decides, defaulting to UTF-8.
    /// - Throws: ``XMLError/Code/parse`` for empty or malformed XML (with libxml2's message).
    public init(parsing bytes: [UInt8], url: String? = nil, encoding: String? = nil) throws(XMLError) {
        XMLLibrary.prepareThread()
        let options = Int32(
            bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        xmlResetLastError()
        let document = try XMLLibrary.withBuffer(bytes) { buffer, size in
            XMLLibrary.withOptionalCString(url) { url in
                XMLLibrary.withOptionalCString(encoding) { encoding in
                    xmlReadMemory(buffer, size, url, encoding, options)
                }
            }
        }
        guard let document else { throw Self.lastParseError() }
        self.handle = DocumentHandle(document)
    }

    /// Evaluates `expression` with the document as the context node.
    ///
    /// Namespaced documents need namespace-agnostic steps such as `//*[local-name()='loc']`.
    /// - Throws: ``XMLError/Code/xpath`` when evaluation fails.
    public func evaluate(_ expression: XPathExpression) throws(XMLError) -> XPathValue {
        try xpathContext().evaluate(expression.source)
    }

    private func xpathContext() throws(XMLError) -> XPathContext {
        if let context { return context }
        let created = try XPathContext(document: handle)
        context = created
        return created
    }

    /// The calling thread's last libxml2 error (`xmlGetLastError`) as a parse error.
    private static func lastParseError() -> XMLError {
        guard let error = xmlGetLastError(), let message = error.pointee.message else {
            return XMLError(.parse, "malformed XML")
        }
        var detail = String(cString: message)
        while let last = detail.last, last.isWhitespace { detail.removeLast() }
        return XMLError(.parse, "malformed XML at line \(error.pointee.line): \(detail)")
    }
}

@available(*, unavailable)
extension XMLDocument: Sendable {}
