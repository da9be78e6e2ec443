import TrawlCore
import TrawlURL
import TrawlXML

/// Turns sitemap files (sitemaps.org 0.9) into links: the pages of a `<urlset>`, the child
/// sitemaps of a `<sitemapindex>` (which are processed as sitemaps in turn when fetched).
///
/// **Which pages are sitemaps.** A page concerns this processor when its document element is
/// `urlset` or `sitemapindex`, in the sitemaps.org namespace (or an older Google one) or in no
/// namespace, and one of these holds:
/// 1. the body starts with the gzip magic bytes `1F 8B`, whatever the `Content-Type` (servers
///    send `.xml.gz` files as `application/octet-stream`, `application/x-gzip`, …): the
///    inflated content is judged;
/// 2. the `Content-Type` is `application/xml` or `text/xml`, or there is none;
/// 3. any other `Content-Type`, when the body starts with `<?xml` (after a byte-order mark and
///    whitespace) and the URL path ends in `.xml` (any case).
/// The document element is first sniffed from the first 16 KiB, so that other pages cost
/// almost nothing (and another gzip file is never inflated beyond that); every other page gives
/// ``ProcessorOutput/empty``. A sitemap page gives no fields, so no item.
///
/// **Links.** Each `<loc>` of a `<url>` or `<sitemap>` entry, which the protocol requires to be
/// absolute: only absolute http(s) URLs are kept; a relative, unparsable or other-scheme one is
/// skipped and counted. The engine scope-checks them like any link.
///
/// **Limits and notes** (``ProcessorOutput/notes``, summed by the engine): at most
/// ``SitemapLimits/maxEntries`` entries per file (`sitemap-entries-over-limit` counts each
/// entry beyond), at most ``SitemapLimits/maxBytes`` bytes after decompression, inflated in
/// bounded steps so a gzip bomb costs no more than that (`sitemap-truncated` counts the files
/// cut there); `sitemap-invalid-loc` counts skipped `<loc>` values.
///
/// **Malformed XML** (or a file cut at the byte limit) yields the entries read before the
/// error, and counts `sitemap-malformed`. Corrupt gzip data throws ``SitemapError``, so the
/// page is recorded as failed (`processing`). Entities are never expanded and nothing external
/// is loaded (see ``XMLStreamReader``).
///
/// `<lastmod>` is read into ``SitemapEntry/lastModified`` by ``document(in:)``. With
/// ``lastModifiedField`` set, each page of a `<urlset>` that states one is linked as a
/// ``CarryingLink`` holding it under that name, so it travels with the queued URL (a durable
/// crawl keeps it in its job) and starts the page's item; pages without one, and the child
/// sitemaps of an index, are plain links.
///
/// Threading: an immutable value; `process` may run on many pages at once.
public struct SitemapProcessor: Processor {
    public let limits: SitemapLimits
    /// The field name a page's `<lastmod>` is carried under; nil carries nothing.
    public let lastModifiedField: String?

    public init(limits: SitemapLimits = .sitemapProtocol, lastModifiedField: String? = nil) {
        self.limits = limits
        self.lastModifiedField = lastModifiedField
    }

    public var name: String { "sitemap" }

    /// The entries of `page` as links, with the notes of what was skipped.
    ///
    /// - Throws: ``SitemapError`` when a gzip body does not inflate.
    public func process(_ page: Page) throws -> ProcessorOutput {
        guard let document = try document(in: page) else { return .empty }
        guard let lastModifiedField, document.kind == .urlSet else {
            return ProcessorOutput(links: document.entries.map(\.url), notes: document.notes)
        }
        var links: [WebURL] = []
        var carried: [CarryingLink] = []
        for entry in document.entries {
            if let lastModified = entry.lastModified {
                carried.append(CarryingLink(url: entry.url, fields: [Field(name: lastModifiedField, value: .string(lastModified))]))
            } else {
                links.append(entry.url)
            }
        }
        return ProcessorOutput(links: links, notes: document.notes, carriedLinks: carried)
    }

    /// The sitemap in `page`, or nil when `page` is not a sitemap (see the type's rule).
    ///
    /// - Throws: ``SitemapError`` when a gzip body does not inflate.
    public func document(in page: Page) throws(SitemapError) -> SitemapDocument? {
        let isGzip = page.body.starts(with: [0x1F, 0x8B])
        if !isGzip, !Self.declaresXML(page) { return nil }
        var content: [UInt8] = []
        var truncated = false
        if isGzip {
            // A short inflate to sniff first: another kind of gzip file is never inflated whole.
            let stream = try GzipStream()
            truncated = try stream.inflate(page.body, into: &content, limit: min(Self.sniffLength, limits.maxBytes))
            guard SitemapSniffer.hasSitemapRoot(content[...]) else { return nil }
            if truncated, limits.maxBytes > Self.sniffLength {
                content.removeAll()
                truncated = try GzipStream().inflate(page.body, into: &content, limit: limits.maxBytes)
            }
        } else {
            guard SitemapSniffer.hasSitemapRoot(page.body.prefix(Self.sniffLength)) else { return nil }
            truncated = page.body.count > limits.maxBytes
            content = truncated ? Array(page.body.prefix(limits.maxBytes)) : page.body
        }
        return parse(content, page: page, truncated: truncated)
    }

    /// Bytes looked at to decide whether a page is a sitemap at all.
    static let sniffLength = 16 * 1024

    private func parse(_ content: [UInt8], page: Page, truncated: Bool) -> SitemapDocument? {
        var reader = SitemapReader(limits: limits)
        var failed = false
        do {
            try XMLStreamReader.read(content, url: page.url, encoding: page.mediaType?.charset) {
                reader.take($0)
            }
        } catch {
            failed = true
        }
        if truncated { reader.note(SitemapReader.Note.truncated) }
        if failed { reader.note(SitemapReader.Note.malformed) }
        return reader.document
    }

    /// Rules 2 and 3 of the type's documentation, for a body that is not gzip.
    static func declaresXML(_ page: Page) -> Bool {
        guard let mediaType = page.mediaType else { return true }
        if mediaType.essence == "application/xml" || mediaType.essence == "text/xml" { return true }
        guard SitemapSniffer.startsWithXMLDeclaration(page.body[...]) else { return false }
        let path = (try? WebURL(page.url))?.path ?? ""
        return path.lowercased().hasSuffix(".xml")
    }
}
