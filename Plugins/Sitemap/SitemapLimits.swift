/// The sitemaps.org protocol's bounds on one sitemap file.
///
/// Without them one hostile or broken file (a gzip bomb, a generated list of billions of URLs)
/// could take all the memory and fill the frontier. What lies beyond a bound is skipped and
/// counted in the processor's notes.
public struct SitemapLimits: Sendable, Hashable {
    /// `<url>` (or `<sitemap>`) entries taken from one file; the protocol allows 50,000.
    public var maxEntries: Int
    /// Bytes of one file after decompression; the protocol allows 50 MB (52,428,800 bytes).
    public var maxBytes: Int

    public init(maxEntries: Int = 50_000, maxBytes: Int = 50 * 1024 * 1024) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    /// The protocol's limits: 50,000 entries and 50 MB per file.
    public static let sitemapProtocol = SitemapLimits()
}
