import CTrawlXML2

/// A parsed HTML document that answers XPath queries and lists its links.
///
/// Parsing uses libxml2's forgiving HTML parser (as `htmlReadMemory` does), which recovers from broken
/// markup the way browsers do and never touches the network. Errors and warnings are dropped,
/// never printed.
///
/// Threading: not Sendable. Create, query and release a document on one thread (one task
/// without a suspension point in between is fine). Different documents may be parsed and
/// queried on many threads at once.
public final class HTMLDocument {
    let handle: DocumentHandle
    private var context: XPathContext?

    /// Parses `bytes` as HTML (as `htmlReadMemory` with `HTML_PARSE_RECOVER | NOERROR |
    /// NOWARNING | NONET | COMPACT` and `XML_PARSE_HUGE`).
    ///
    /// The whole page is parsed or the page fails, never a silently shortened tree:
    /// - NUL bytes become U+FFFD first, as browsers read them; libxml2 would take the first NUL
    ///   for the end of the page and drop everything after it. (Not for UTF-16 or UTF-32 text,
    ///   where NUL bytes are part of the characters.)
    /// - `XML_PARSE_HUGE` lifts libxml2's nesting cap of 256 elements, past which it stops
    ///   parsing and keeps only what came before: the parser and the link walk are iterative,
    ///   so any depth the body size allows parses whole (10,000 nested `div`s are a test).
    /// - Bytes the page's charset cannot decode end libxml2's input early (for UTF-8 libxml2
    ///   copes; for others, such as Shift_JIS, it stops). Then the page is parsed again as
    ///   ISO-8859-1, which reads every byte, and ``readAsLatin1`` is set.
    /// - If libxml2 still stops before the end of the input, the page throws
    ///   ``XMLError/Code/incomplete`` with libxml2's reason.
    ///
    /// - Parameters:
    ///   - url: The document's URL, recorded in the document (nothing is fetched).
    ///   - encoding: The charset from the `Content-Type` header, if known (`utf-8`,
    ///     `iso-8859-1`, `shift_jis`, …). Without it libxml2 reads a `<meta charset>` or
    ///     `<meta http-equiv>` declaration, and otherwise assumes UTF-8. An unknown name is
    ///     ignored.
    /// - Throws: ``XMLError/Code/parse`` when libxml2 makes no document of the bytes (an empty
    ///   body), ``XMLError/Code/incomplete`` when it stopped early, ``XMLError/Code/tooLarge``
    ///   past 2 GiB.
    public init(parsing bytes: [UInt8], url: String? = nil, encoding: String? = nil) throws(XMLError) {
        XMLLibrary.prepareThread()
        let input = Self.replacingNULBytes(in: bytes, encoding: encoding)
        var parsed = try Self.parse(input, url: url, encoding: encoding)
        if parsed.conversionFailed {
            // The charset's converter hit bytes it cannot read and libxml2 ended the document
            // there. ISO-8859-1 reads every byte, so the whole page (its ASCII markup and URLs)
            // parses; only its non-ASCII text comes out garbled.
            xmlFreeDoc(parsed.document)
            parsed = try Self.parse(input, url: url, encoding: "ISO-8859-1")
            readAsLatin1 = true
        } else {
            readAsLatin1 = false
        }
        self.handle = DocumentHandle(parsed.document)
    }

    /// Whether the page held bytes its charset cannot decode, so it was read as ISO-8859-1
    /// instead of losing everything after them.
    public let readAsLatin1: Bool

    /// One parse of `input`, and whether the charset converter failed.
    ///
    /// This is `htmlReadMemory` spelled out, so that the context can be inspected afterwards:
    /// the context starts as UTF-8 (as `htmlReadMemory`'s does; a fresh HTML context would read
    /// undeclared non-ASCII bytes as ISO-8859-1), a known `encoding` switches the input to it,
    /// and otherwise a `<meta>` declaration may.
    private static func parse(
        _ input: [UInt8], url: String?, encoding: String?
    ) throws(XMLError) -> (document: htmlDocPtr, conversionFailed: Bool) {
        let options = Int32(
            bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
                | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        // Everything happens while `input`'s memory is pinned (libxml2 2.9 copies it anyway).
        let outcome = try XMLLibrary.withBuffer(input) { buffer, size in
            parse(buffer, size, url: url, encoding: encoding, options: options)
        }
        guard let document = outcome.document else {
            throw XMLError(.parse, "libxml2 made no HTML document of the bytes")
        }
        if let reason = outcome.haltReason {
            xmlFreeDoc(document)
            throw XMLError(.incomplete, "libxml2 stopped before the end of the page: \(reason)")
        }
        return (document, outcome.conversionFailed)
    }

    /// The C side of ``parse(_:url:encoding:)``: the document, libxml2's reason if it halted
    /// early, and whether the charset converter failed.
    private static func parse(
        _ buffer: UnsafePointer<CChar>, _ size: Int32, url: String?, encoding: String?, options: Int32
    ) -> (document: htmlDocPtr?, haltReason: String?, conversionFailed: Bool) {
        guard let context = htmlCreateMemoryParserCtxt(buffer, size) else { return (nil, nil, false) }
        defer { htmlFreeParserCtxt(context) }
        _ = htmlCtxtUseOptions(context, options)
        context.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
        if let encoding, let handler = xmlFindCharEncodingHandler(encoding) {
            _ = xmlSwitchToEncoding(context, handler)
        }
        if let url, let stream = context.pointee.input, stream.pointee.filename == nil {
            // libxml2 frees the name with xmlFree, so it must come from its allocator.
            let copy = url.withCString { xmlStrdup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
            stream.pointee.filename = copy.map { UnsafePointer(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
        _ = htmlParseDocument(context)
        let document = context.pointee.myDoc
        context.pointee.myDoc = nil
        // libxml2 halts a parse (xmlHaltParser) by disabling its SAX callbacks; the document
        // then ends where it stopped.
        var haltReason: String?
        if context.pointee.disableSAX != 0 {
            let message = context.pointee.lastError.message.map { String(cString: $0) } ?? "no reason given"
            haltReason = String(message.split(whereSeparator: \.isNewline).first ?? "")
        }
        // A failed charset conversion is recorded on the input buffer only, not as a parser
        // error: the parse just ends early.
        let conversionFailed = (context.pointee.input?.pointee.buf?.pointee.error ?? 0) != 0
        return (document, haltReason, conversionFailed)
    }

    /// `bytes` with every NUL byte replaced by U+FFFD in UTF-8 (`EF BF BD`), or `bytes` itself
    /// when there is none or the text is UTF-16 or UTF-32 (by `encoding` or a byte order mark).
    static func replacingNULBytes(in bytes: [UInt8], encoding: String?) -> [UInt8] {
        guard bytes.contains(0) else { return bytes }
        if let encoding, encoding.contains("16") || encoding.contains("32") { return bytes }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            if byte == 0 {
                result.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                result.append(byte)
            }
        }
        return result
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
