import CTrawlXML2

/// A forward-only XML pull parser over bytes in memory (libxml2's `xmlTextReader`).
///
/// Unlike ``XMLDocument`` it builds no tree, so memory stays small however long the document,
/// and the events before a syntax error are delivered before the error is thrown: a truncated
/// document yields what it holds.
///
/// Reading uses `xmlReaderForMemory` with `XML_PARSE_NONET | NOERROR | NOWARNING | COMPACT` and
/// never `XML_PARSE_NOENT`, `DTDLOAD`, `DTDATTR` or `DTDVALID`: entities are not substituted,
/// no DTD or external entity is loaded (the process-wide entity loader refuses them anyway), so
/// a document cannot make the crawler read local files or the network.
///
/// Threading: the reader exists only inside ``read(_:url:encoding:_:)``, on the calling thread;
/// many threads may read different documents at once.
public enum XMLStreamReader {
    /// Reads `bytes` and calls `visit` for every element start and end and every text node, in
    /// document order, until the end, an error, or `visit` returns false.
    ///
    /// - Parameters:
    ///   - url: The document's URL, for libxml2's messages (nothing is fetched).
    ///   - encoding: The charset from the `Content-Type` header, if known.
    ///   - visit: Returns false to stop reading (no error is thrown then).
    /// - Throws: ``XMLError/Code/parse`` for an empty or malformed document, after the events
    ///   that preceded the error were visited.
    public static func read(
        _ bytes: [UInt8], url: String? = nil, encoding: String? = nil,
        _ visit: (XMLStreamEvent) -> Bool
    ) throws(XMLError) {
        XMLLibrary.prepareThread()
        let options = Int32(
            bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        xmlResetLastError()
        // The reader points into `bytes` without copying, so it lives and dies inside the
        // buffer closure.
        let failure: XMLError? = try XMLLibrary.withBuffer(bytes) { buffer, size in
            XMLLibrary.withOptionalCString(url) { url in
                XMLLibrary.withOptionalCString(encoding) { encoding in
                    guard let reader = xmlReaderForMemory(buffer, size, url, encoding, options) else {
                        return XMLError(.parse, "cannot create an XML reader")
                    }
                    defer { xmlFreeTextReader(reader) }
                    return readAll(reader, visit)
                }
            }
        }
        if let failure { throw failure }
    }

    /// Runs `xmlTextReaderRead` to the end; returns the error that stopped it, if any.
    private static func readAll(_ reader: xmlTextReaderPtr, _ visit: (XMLStreamEvent) -> Bool) -> XMLError? {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            guard status == 1 else { return lastError() }
            guard let event = event(at: reader) else { continue }
            if !visit(event) { return nil }
        }
    }

    /// The event for the reader's current node, or nil for nodes that carry none (comments,
    /// processing instructions, whitespace, entity references, the doctype).
    private static func event(at reader: xmlTextReaderPtr) -> XMLStreamEvent? {
        let type = xmlTextReaderNodeType(reader)
        switch type {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            return .startElement(
                localName: XMLLibrary.string(xmlTextReaderConstLocalName(reader)),
                namespace: xmlTextReaderConstNamespaceUri(reader).map { XMLLibrary.string($0) },
                depth: Int(xmlTextReaderDepth(reader)), isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            return .endElement(
                localName: XMLLibrary.string(xmlTextReaderConstLocalName(reader)),
                namespace: xmlTextReaderConstNamespaceUri(reader).map { XMLLibrary.string($0) },
                depth: Int(xmlTextReaderDepth(reader)))
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue):
            return .text(XMLLibrary.string(xmlTextReaderConstValue(reader)))
        default:
            return nil
        }
    }

    private static func lastError() -> XMLError {
        guard let error = xmlGetLastError(), let message = error.pointee.message else {
            return XMLError(.parse, "malformed XML")
        }
        var detail = String(cString: message)
        while let last = detail.last, last.isWhitespace { detail.removeLast() }
        return XMLError(.parse, "malformed XML at line \(error.pointee.line): \(detail)")
    }
}
