import CTrawlXML2

/// An XPath 1.0 expression that is known to compile.
///
/// The initializer compiles the source once with libxml2 (`xmlXPathCtxtCompile`), then
/// evaluates it against an empty document, so that a bad expression is reported when the
/// configuration is read, not on every page. The trial run catches what libxml2 only checks
/// while evaluating (`count(` compiles as `count()`; unknown functions) as long as the faulty
/// part is reached on an empty document.
///
/// The value keeps only the source: libxml2 caches function lookups inside a compiled
/// expression while evaluating it, so compiled expressions cannot be shared between threads.
/// Each ``HTMLDocument`` compiles an expression the first time it evaluates it and reuses
/// that for the rest of the document (every `each` match), which costs microseconds per page.
public struct XPathExpression: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let source: String

    /// Validates `source`; throws ``XMLError/Code/xpath`` with libxml2's message, such as
    /// `invalid XPath '//h1[': Invalid expression (at offset 5)`.
    public init(_ source: String) throws(XMLError) {
        try XPathContext(document: nil).compile(source)
        XMLLibrary.prepareThread()
        guard let empty = xmlNewDoc(nil) else {
            throw XMLError(.outOfMemory, "cannot create a document")
        }
        _ = try XPathContext(document: DocumentHandle(empty)).evaluate(source)
        self.source = source
    }

    public var description: String { source }
}
