import TrawlCore
import TrawlXML

/// Extracts XPath and CSS fields and followable links from HTML pages.
///
/// A page concerns this processor when its `Content-Type` is HTML (`text/html`,
/// `application/xhtml+xml`), or when it has no `Content-Type` and its body starts with `<`
/// (after whitespace and a byte-order mark); any other page gives ``ProcessorOutput/empty``.
/// Each page is parsed once (libxml2's recovering HTML parser, charset from the
/// `Content-Type` or the page's `<meta charset>`), and that one document serves every field
/// and the links.
///
/// Fields: each field holds its first match (an element's or attribute's string value,
/// whitespace-normalized) unless its options ask for all matches (always an array) or raw
/// text; see ``FieldOptions``. With ``each``, the page gives one item per node the selector
/// matches, in document order, each starting with its 0-based `index`, with the fields
/// evaluated relative to that node. A value that does not convert to its field's type is left
/// out (or `null` with ``nullMissing``) and reported in ``ProcessorOutput/warnings``.
///
/// Threading: a value type with no mutable state, safe to call from many tasks at once; each
/// call parses, queries and frees its own document on the calling thread.
public struct HTMLProcessor: Processor {
    /// The fields to extract, in output order.
    public let fields: [HTMLField]
    /// When set, one item per node this selects instead of one item per page.
    public let each: HTMLExpression?
    /// Whether a field with no value is written as `null` instead of being left out.
    public let nullMissing: Bool
    /// Whether to return the page's links for crawling.
    public let followLinks: Bool

    public init(fields: [HTMLField], each: HTMLExpression? = nil, nullMissing: Bool = false, followLinks: Bool = true) {
        self.fields = fields
        self.each = each
        self.nullMissing = nullMissing
        self.followLinks = followLinks
    }

    public var name: String { "html" }

    /// Parses `page` and returns its fields or ``each`` items and (when ``followLinks``) its
    /// absolute http(s) links.
    ///
    /// A body libxml2 makes no document of (an empty body) gives ``ProcessorOutput/empty``.
    /// - Throws: ``XMLError`` when a field's expression fails to evaluate (for example an
    ///   unknown function the expression's trial run did not reach), or when the ``each``
    ///   expression gives a value instead of nodes.
    public func process(_ page: Page) throws -> ProcessorOutput {
        guard Self.concerns(page) else { return .empty }
        let document: HTMLDocument
        do {
            document = try HTMLDocument(parsing: page.body, url: page.url, encoding: page.mediaType?.charset)
        } catch {
            return .empty
        }
        var output = ProcessorOutput()
        if !fields.isEmpty || each != nil {
            try extract(from: document, url: page.url, into: &output)
        }
        if followLinks {
            output.links = Self.links(in: document, pageURL: page.url)
        }
        return output
    }

    /// Whether `page` is HTML by its media type or, without one, by its first byte.
    static func concerns(_ page: Page) -> Bool {
        if let mediaType = page.mediaType { return mediaType.isHTML }
        var bytes = page.body[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let first = bytes.first { byte in
            byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C
        }
        return first == UInt8(ascii: "<")
    }
}
