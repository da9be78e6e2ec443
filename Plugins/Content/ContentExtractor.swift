import TrawlCore
import TrawlURL
import TrawlXML

/// Finds the main content of an HTML page and writes it as Markdown and plain text, with the
/// page's metadata.
///
/// One parse, one metadata walk, two walks of the body to find the content (see
/// ``ContentFinder``) and one walk per output to render it. Links and images are made
/// absolute against the page's `<base href>` (itself resolved against the page URL) or the
/// page URL.
///
/// Threading: a value type without mutable state, safe to share between tasks; each call
/// parses and frees its own document on the calling thread.
public struct ContentExtractor: Sendable {
    public var options: ContentOptions

    public init(options: ContentOptions = ContentOptions()) {
        self.options = options
    }

    /// Extracts the content of `body` (the page's bytes), fetched from `url`.
    ///
    /// - Parameters:
    ///   - contentType: The `Content-Type` header, for its charset; without one libxml2 reads
    ///     the page's `<meta charset>` or assumes UTF-8.
    /// - Throws: ``XMLError`` when libxml2 makes no document of the bytes (an empty body).
    public func extract(body: [UInt8], contentType: String? = nil, url: String) throws(XMLError) -> ExtractedContent {
        let document = try HTMLDocument(parsing: body, url: url, encoding: MediaType(contentType)?.charset)
        return extract(from: document, url: url)
    }

    /// Extracts the content of a parsed document, fetched from `url`.
    public func extract(from document: HTMLDocument, url: String) -> ExtractedContent {
        let pageURL = try? WebURL(url)
        let metadata = PageMetadata.read(document, pageURL: pageURL)
        var base = pageURL
        if let href = metadata.baseHref, let pageURL, let resolved = try? pageURL.resolving(href.trimmingWhitespaceScalars) {
            base = resolved
        }
        var content = ExtractedContent(
            title: metadata.title, description: metadata.description, language: metadata.language,
            canonical: metadata.canonical, author: metadata.author, published: metadata.published)
        guard let body = document.body else { return content }
        let found = options.detectsMainContent
            ? ContentFinder.find(in: body) : ContentFinder.Result(roots: [body], excluded: [])
        content.markdown = MarkdownRenderer(excluded: found.excluded, options: options, base: base, plain: false)
            .render(found.roots)
        content.text = MarkdownRenderer(excluded: found.excluded, options: options, base: base, plain: true)
            .render(found.roots)
        content.wordCount = Self.countWords(content.text)
        return content
    }

    /// Whitespace-separated words in `text`.
    static func countWords(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }
}
