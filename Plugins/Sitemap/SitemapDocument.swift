import TrawlURL

/// What one sitemap file holds: its kind, its entries and what was skipped.
public struct SitemapDocument: Sendable, Hashable {
    /// The document element.
    public enum Kind: Sendable, Hashable {
        /// `<urlset>`: pages to crawl.
        case urlSet
        /// `<sitemapindex>`: more sitemap files.
        case index
    }

    public var kind: Kind
    /// The valid entries, in document order, at most ``SitemapLimits/maxEntries``.
    public var entries: [SitemapEntry]
    /// Counts of what was skipped, by label (see ``SitemapProcessor``).
    public var notes: [String: Int]

    public init(kind: Kind, entries: [SitemapEntry] = [], notes: [String: Int] = [:]) {
        self.kind = kind
        self.entries = entries
        self.notes = notes
    }
}

/// One `<url>` or `<sitemap>` entry: its `<loc>` and, when given, its `<lastmod>`.
public struct SitemapEntry: Sendable, Hashable {
    /// The absolute http(s) URL of `<loc>`.
    public var url: WebURL
    /// The `<lastmod>` text as written (a W3C datetime such as `2024-05-01` or
    /// `2024-05-01T10:00:00+00:00`), trimmed; nil when absent or empty.
    public var lastModified: String?

    public init(url: WebURL, lastModified: String? = nil) {
        self.url = url
        self.lastModified = lastModified
    }
}
