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
/// Links: every link element (see ``links(in:pageURL:)``), or what ``links`` selects and
/// narrows them to (``HTMLLinkRule``); none when ``followLinks`` is false.
///
/// Carry: with ``HTMLLinkRule/carry`` names, a page whose links lead on is a step towards the
/// item, as with the JSON processor: the links become ``ProcessorOutput/carriedLinks`` holding
/// the carried fields that have a value on the page (one with no match, `null` or an empty
/// `all` array is not carried, so the followed page may supply it), and the page gives no
/// fields of its own; a page without links gives its fields as usual. With ``each``, each
/// match carries its own fields into the links found inside it (``HTMLLinkRule/select``
/// evaluated relative to the match) and gives no item; a match without links gives its item
/// as usual, and links found outside every match are followed without fields.
///
/// A page libxml2 cannot parse to its end fails (``XMLError/Code/incomplete``) rather than
/// giving a part of its links.
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
    /// Which links, and the fields they carry.
    public let links: HTMLLinkRule

    public init(
        fields: [HTMLField], each: HTMLExpression? = nil, nullMissing: Bool = false, followLinks: Bool = true,
        links: HTMLLinkRule = HTMLLinkRule()
    ) {
        self.fields = fields
        self.each = each
        self.nullMissing = nullMissing
        self.followLinks = followLinks
        self.links = links
    }

    public var name: String { "html" }

    /// Parses `page` and returns its fields or ``each`` items and (when ``followLinks``) its
    /// absolute http(s) links.
    ///
    /// A body libxml2 makes no document of (an empty body) gives ``ProcessorOutput/empty``.
    /// - Throws: ``XMLError`` when libxml2 stopped before the end of the page
    ///   (``XMLError/Code/incomplete``), when an expression fails to evaluate (for example an
    ///   unknown function the expression's trial run did not reach), or when the ``each`` or a
    ///   ``HTMLLinkRule/within`` expression gives a value instead of nodes.
    public func process(_ page: Page) throws -> ProcessorOutput {
        guard Self.concerns(page) else { return .empty }
        let document: HTMLDocument
        do throws(XMLError) {
            document = try HTMLDocument(parsing: page.body, url: page.url, encoding: page.mediaType?.charset)
        } catch {
            // No document at all is an empty body; a document cut short would lose links.
            guard error.code == .incomplete else { return .empty }
            throw error
        }
        var output = ProcessorOutput()
        if document.readAsLatin1 { output.notes[Self.readAsLatin1Note] = 1 }
        let pageLinks = followLinks ? try Self.links(in: document, pageURL: page.url, rule: links) : []
        if !links.carry.isEmpty, followLinks, each != nil || !pageLinks.isEmpty {
            try extractCarrying(from: document, url: page.url, pageLinks: pageLinks, into: &output)
            return output
        }
        if !fields.isEmpty || each != nil {
            try extract(from: document, url: page.url, into: &output)
        }
        output.links = pageLinks
        return output
    }

    /// The note counting pages with bytes their charset cannot decode, read as ISO-8859-1
    /// (``HTMLDocument/readAsLatin1``) so that none of their links is lost.
    static let readAsLatin1Note = "html-undecodable-bytes"

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
