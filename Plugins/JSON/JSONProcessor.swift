import TrawlCore
import TrawlJSONPath
import TrawlURL

/// Extracts fields and links from JSON responses with JSONPath queries.
///
/// A page concerns this processor when its `Content-Type` is JSON (`application/json` or any
/// `+json` type), or when the `Content-Type` is missing or `text/plain` and the body starts,
/// after whitespace and any byte order mark, with `{` or `[`. Every other page yields
/// ``ProcessorOutput/empty``.
///
/// - Fields: the first match as it is (a number stays a number), or with `all` an array of
///   every match in nodelist order (`[]` for none); no match adds no field, or `null` with
///   ``nullMissing``. A value that does not convert to the field's type is left out (`null`
///   in an array) and reported in ``ProcessorOutput/warnings``.
/// - Each: with ``each``, one item per node that query selects, in nodelist order, each
///   starting with its 0-based `index`; every field query runs with that node as its root, so
///   `$.name` is the matched node's `name`.
/// - Links: string results of the follow queries are resolved against the page URL (relative
///   references allowed); only http and https URLs are kept. Other results are ignored.
/// - Carry: with ``carry`` names, a page whose follow queries give any link is a step towards
///   the item, not an item: it returns its links as ``ProcessorOutput/carriedLinks`` holding
///   the carried fields that have a value on the page (in ``fields`` order; one with no match or
///   a `null` value is not carried, so a later page may supply it), and no fields of its own. A page without links
///   gives its fields as usual.
///
/// Malformed JSON on a page declared as JSON throws the ``JSONParseError`` (the engine records
/// the page as failed with reason `processing`). A sniffed page that does not parse is taken
/// for the plain text it claimed to be and yields ``ProcessorOutput/empty``.
///
/// Thread safety: an immutable value; `process` may run on many pages at once.
public struct JSONProcessor: Processor {
    /// The fields to extract, in output order.
    public let fields: [JSONField]
    /// When set, one item per node this selects instead of one item per page.
    public let each: JSONPathQuery?
    /// The queries whose string results are links to crawl.
    public let follow: [JSONPathQuery]
    /// Whether a field with no value is written as `null` instead of being left out.
    public let nullMissing: Bool
    /// Names of ``fields`` carried into the pages the follow queries lead to (see the type's
    /// Carry rule); not used with ``each``.
    public let carry: [String]

    public init(
        fields: [JSONField], each: JSONPathQuery? = nil, follow: [JSONPathQuery] = [], nullMissing: Bool = false,
        carry: [String] = []
    ) {
        self.fields = fields
        self.each = each
        self.follow = follow
        self.nullMissing = nullMissing
        self.carry = carry
    }

    public var name: String { "json" }

    /// Extracts the configured fields and links from `page`.
    ///
    /// - Throws: ``JSONParseError`` when a page declared as JSON is not valid JSON.
    public func process(_ page: Page) throws -> ProcessorOutput {
        // Nothing asked of JSON pages: do not spend a parse on them.
        guard !fields.isEmpty || !follow.isEmpty || each != nil else { return .empty }
        let document: JSONValue
        let mediaType = page.mediaType
        if mediaType?.isJSON == true {
            document = try JSONParser.parse(page.body)
        } else if Self.mightBeJSON(page.body, mediaType: mediaType), let sniffed = try? JSONParser.parse(page.body) {
            document = sniffed
        } else {
            return .empty
        }
        let links = extractLinks(from: document, page: page)
        if !carry.isEmpty, each == nil, !links.isEmpty {
            var output = ProcessorOutput()
            let carried = carriedFields(from: document, warnings: &output.warnings)
            output.carriedLinks = links.map { CarryingLink(url: $0, fields: carried) }
            return output
        }
        var output = ProcessorOutput(links: links)
        if let each {
            for (index, node) in each.evaluate(document).enumerated() {
                var itemWarnings: [String] = []
                output.items.append(
                    Item(
                        url: page.url,
                        fields: [Field(name: Item.indexFieldName, value: .number(String(index)))]
                            + extractFields(from: node, warnings: &itemWarnings)))
                output.warnings += itemWarnings.map { "item \(index): \($0)" }
            }
        } else if !fields.isEmpty {
            output.fields = extractFields(from: document, warnings: &output.warnings)
        }
        return output
    }

    private func extractFields(from root: JSONValue, warnings: inout [String]) -> [Field] {
        var result: [Field] = []
        result.reserveCapacity(fields.count)
        for field in fields {
            let matches = field.query.evaluate(root)
            if let value = field.options.value(of: matches, field: field.name, nullMissing: nullMissing, warnings: &warnings) {
                result.append(Field(name: field.name, value: value))
            }
        }
        return result
    }

    /// The carried fields that have a value on the page. One with no match or a `null` value is
    /// left out, even with ``nullMissing`` (and an `all` field with no match does not carry `[]`),
    /// because a carried field wins over the followed page's own: that page may fill the gap.
    private func carriedFields(from root: JSONValue, warnings: inout [String]) -> [Field] {
        var result: [Field] = []
        for field in fields where carry.contains(field.name) {
            let matches = field.query.evaluate(root)
            guard !matches.isEmpty else { continue }
            if let value = field.options.value(of: matches, field: field.name, nullMissing: false, warnings: &warnings),
                value != .null
            {
                result.append(Field(name: field.name, value: value))
            }
        }
        return result
    }

    private func extractLinks(from document: JSONValue, page: Page) -> [WebURL] {
        guard !follow.isEmpty else { return [] }
        let base = try? WebURL(page.url)
        var links: [WebURL] = []
        for query in follow {
            for case .string(let reference) in query.evaluate(document) {
                let resolved = base.flatMap { try? $0.resolving(reference) } ?? (try? WebURL(reference))
                if let resolved, resolved.isHTTP { links.append(resolved) }
            }
        }
        return links
    }

    /// A page without a `Content-Type`, or `text/plain`, whose body opens like a JSON container.
    static func mightBeJSON(_ bytes: [UInt8], mediaType: MediaType?) -> Bool {
        if let mediaType, mediaType.essence != "text/plain" { return false }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let first = body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}
