/// What a ``ContentExtractor`` found in one page: the main content and the page's metadata.
///
/// Metadata fields are nil when the page does not state them.
public struct ExtractedContent: Sendable, Hashable {
    /// The main content as GitHub-flavoured Markdown, blocks separated by blank lines.
    public var markdown: String
    /// The main content as plain text, paragraphs separated by blank lines.
    public var text: String
    public var title: String?
    public var description: String?
    /// The language tag the page declares (`en`, `de-CH`).
    public var language: String?
    /// The canonical URL (`<link rel="canonical">`), absolute.
    public var canonical: String?
    public var author: String?
    /// The publication date as the page states it (usually ISO 8601).
    public var published: String?
    /// The number of whitespace-separated words in ``text``.
    public var wordCount: Int

    public init(
        markdown: String = "", text: String = "", title: String? = nil, description: String? = nil,
        language: String? = nil, canonical: String? = nil, author: String? = nil, published: String? = nil,
        wordCount: Int = 0
    ) {
        self.markdown = markdown
        self.text = text
        self.title = title
        self.description = description
        self.language = language
        self.canonical = canonical
        self.author = author
        self.published = published
        self.wordCount = wordCount
    }
}
