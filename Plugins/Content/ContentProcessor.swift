import TrawlCore
import TrawlXML

/// The `content` processor: adds each HTML page's main content (Markdown and text) and
/// metadata to the page's item, beside the fields other processors extract.
///
/// A page concerns it when its `Content-Type` is HTML or, without one, when its body starts
/// with `<`; any other page gives ``ProcessorOutput/empty``. It follows no links (the HTML
/// processor does). Fields come in the order of ``fields``; metadata the page does not state
/// is left out, `word_count` is a number.
///
/// Threading: immutable, safe to call from many tasks at once; each call parses and frees its
/// own document on the calling thread.
public struct ContentProcessor: Processor {
    public let extractor: ContentExtractor
    /// The fields to add, in output order.
    public let fields: [ContentField]
    /// When set, one more field of this name holds the page's `Date` response header (when it
    /// has one), for writers that record when a page was fetched (`--markdown-dir`).
    public let fetchedFieldName: String?

    public init(
        extractor: ContentExtractor = ContentExtractor(), fields: [ContentField] = ContentField.allCases,
        fetchedFieldName: String? = nil
    ) {
        self.extractor = extractor
        self.fields = fields
        self.fetchedFieldName = fetchedFieldName
    }

    public var name: String { "content" }

    /// The page's content fields, or ``ProcessorOutput/empty`` for a page that is not HTML
    /// or that libxml2 makes no document of.
    public func process(_ page: Page) throws -> ProcessorOutput {
        guard Self.concerns(page), !fields.isEmpty else { return .empty }
        let content: ExtractedContent
        do {
            content = try extractor.extract(body: page.body, contentType: page.headers["Content-Type"], url: page.url)
        } catch {
            return .empty
        }
        var output = Self.fields(fields, of: content)
        if let fetchedFieldName, let date = page.headers["Date"] {
            output.append(Field(name: fetchedFieldName, value: .string(date)))
        }
        return ProcessorOutput(fields: output)
    }

    /// `content` as item fields, in the order of `wanted`; absent metadata left out.
    public static func fields(_ wanted: [ContentField], of content: ExtractedContent) -> [Field] {
        wanted.compactMap { field -> Field? in
            let value: JSONValue?
            switch field {
            case .markdown: value = .string(content.markdown)
            case .text: value = .string(content.text)
            case .title: value = content.title.map(JSONValue.string)
            case .description: value = content.description.map(JSONValue.string)
            case .language: value = content.language.map(JSONValue.string)
            case .canonical: value = content.canonical.map(JSONValue.string)
            case .author: value = content.author.map(JSONValue.string)
            case .published: value = content.published.map(JSONValue.string)
            case .wordCount: value = .number(String(content.wordCount))
            }
            return value.map { Field(name: field.rawValue, value: $0) }
        }
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
