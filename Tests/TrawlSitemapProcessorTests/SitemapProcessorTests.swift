import Testing
import TrawlCore
import TrawlTestSupport
import TrawlURL

@testable import TrawlSitemapProcessor

@Suite
struct SitemapProcessorTests {
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    static func urlset(_ locations: [String], namespace: String? = SitemapProcessorTests.namespace) -> String {
        let xmlns = namespace.map { #" xmlns="\#($0)""# } ?? ""
        let entries = locations.map { "<url><loc>\($0)</loc></url>" }.joined(separator: "\n")
        return #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<urlset\(xmlns)>\n\(entries)\n</urlset>\n"
    }

    static func page(
        _ body: [UInt8], url: String = "http://example.test/sitemap.xml", contentType: String? = "application/xml"
    ) -> Page {
        var headers = HTTPHeaders()
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        return Page(url: url, status: 200, headers: headers, body: body, depth: 0)
    }

    static func page(_ text: String, url: String = "http://example.test/sitemap.xml", contentType: String? = "application/xml") -> Page {
        page(Array(text.utf8), url: url, contentType: contentType)
    }

    static func strings(_ output: ProcessorOutput) -> [String] {
        output.links.map(\.description)
    }

    @Test("a urlset in the sitemaps.org namespace gives each loc as a link, and no fields")
    func namespacedURLSet() throws {
        let text = Self.urlset(["http://example.test/a", "https://example.test/b?x=1&amp;y=2"])
        let output = try SitemapProcessor().process(Self.page(text))
        #expect(Self.strings(output) == ["http://example.test/a", "https://example.test/b?x=1&y=2"])
        #expect(output.fields.isEmpty)
        #expect(output.notes.isEmpty)
    }

    @Test("a urlset without a namespace is read the same way")
    func urlSetWithoutNamespace() throws {
        let output = try SitemapProcessor().process(Self.page(Self.urlset(["http://example.test/a"], namespace: nil)))
        #expect(Self.strings(output) == ["http://example.test/a"])
    }

    @Test("a urlset in a foreign namespace is not a sitemap")
    func foreignNamespace() throws {
        let output = try SitemapProcessor().process(Self.page(Self.urlset(["http://example.test/a"], namespace: "urn:other")))
        #expect(output == .empty)
    }

    @Test("a sitemap index gives its child sitemaps as links, with their lastmod kept")
    func sitemapIndex() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="\(Self.namespace)">
              <sitemap><loc>http://example.test/s1.xml</loc><lastmod>2024-05-01</lastmod></sitemap>
              <sitemap><loc> http://example.test/s2.xml.gz </loc></sitemap>
            </sitemapindex>
            """
        let processor = SitemapProcessor()
        let document = try #require(try processor.document(in: Self.page(text)))
        #expect(document.kind == .index)
        #expect(document.entries.map(\.url.description) == ["http://example.test/s1.xml", "http://example.test/s2.xml.gz"])
        #expect(document.entries.map(\.lastModified) == ["2024-05-01", nil])
        #expect(Self.strings(try processor.process(Self.page(text))).count == 2)
    }

    @Test("relative, non-http and empty locs are skipped and counted; image:loc extensions are ignored")
    func invalidLocations() throws {
        let text = """
            <urlset xmlns="\(Self.namespace)" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
              <url><loc>/relative</loc></url>
              <url><loc>ftp://example.test/file</loc></url>
              <url><loc></loc></url>
              <url><lastmod>2024-01-01</lastmod></url>
              <url><loc>http://example.test/ok</loc>
                <image:image><image:loc>http://example.test/photo.jpg</image:loc></image:image></url>
            </urlset>
            """
        let output = try SitemapProcessor().process(Self.page(text, contentType: "text/xml"))
        #expect(Self.strings(output) == ["http://example.test/ok"])
        #expect(output.notes == ["sitemap-invalid-loc": 4])
    }

    @Test("50,001 entries give the first 50,000 links and count one over the limit")
    func entryLimit() throws {
        let text = Self.urlset((0...50_000).map { "http://example.test/p\($0)" })
        let output = try SitemapProcessor().process(Self.page(text))
        #expect(output.links.count == 50_000)
        #expect(output.links.last?.description == "http://example.test/p49999")
        #expect(output.notes == ["sitemap-entries-over-limit": 1])
    }

    @Test("malformed XML yields the entries libxml2 delivered before the error, and counts it")
    func malformedXML() throws {
        // libxml2's reader parses ahead in chunks of a few hundred bytes, so the entries just
        // before the error may be lost with it; the ones well before it are kept.
        let locations = (0..<1000).map { "http://example.test/p\($0)" }
        let text = Self.urlset(locations).replacingOccurrences(
            of: "</urlset>", with: "<url><loc>http://example.test/broken</url><url><loc>http://example.test/after</loc></url>")
        let output = try SitemapProcessor().process(Self.page(text))
        #expect(output.links.count >= 950)
        #expect(Self.strings(output) == Array(locations.prefix(output.links.count)))
        #expect(output.notes == ["sitemap-malformed": 1])
    }

    @Test("an external entity is never loaded: the file's content appears nowhere")
    func externalEntityIsNotLoaded() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <urlset xmlns="\(Self.namespace)">
              <url><loc>http://example.test/&xxe;</loc></url>
              <url><loc>http://example.test/after</loc></url>
            </urlset>
            """
        let output = try SitemapProcessor().process(Self.page(text))
        // The reference stays unexpanded and gives no text: the first loc loses only it.
        #expect(Self.strings(output) == ["http://example.test/", "http://example.test/after"])
    }

    @Test("a gzip sitemap is recognised by its magic bytes even as application/octet-stream")
    func gzipAsOctetStream() throws {
        let body = GzipEncoder.compress(Self.urlset(["http://example.test/a", "http://example.test/b"]))
        let output = try SitemapProcessor().process(
            Self.page(body, url: "http://example.test/sitemap.xml.gz", contentType: "application/octet-stream"))
        #expect(Self.strings(output) == ["http://example.test/a", "http://example.test/b"])
    }

    @Test("a gzip bomb is inflated only up to the byte limit; the cut is counted")
    func gzipBomb() throws {
        // 60 MB: the opening entry, then elements padded with spaces, then an entry past the limit.
        let head = Self.urlset(["http://example.test/first"]).replacingOccurrences(of: "</urlset>\n", with: "")
        let padding = Array(("<pad/>" + String(repeating: " ", count: 4090)).utf8)
        let body = GzipEncoder.compress([
            .bytes(Array(head.utf8)), .repeated(padding, count: 15_000),
            .bytes(Array("<url><loc>http://example.test/last</loc></url></urlset>".utf8)),
        ])
        #expect(body.count < 1_000_000)
        let output = try SitemapProcessor().process(Self.page(body, contentType: "application/x-gzip"))
        #expect(Self.strings(output) == ["http://example.test/first"])
        #expect(output.notes["sitemap-truncated"] == 1)
    }

    @Test("corrupt gzip data fails the page")
    func corruptGzip() throws {
        var body = GzipEncoder.compress(Self.urlset(["http://example.test/a"]))
        body.removeLast(body.count / 2)
        #expect(throws: SitemapError.self) {
            try SitemapProcessor().process(Self.page(body, contentType: "application/gzip"))
        }
    }

    @Test("pages that are not sitemaps give nothing: HTML, other XML, other gzip content")
    func notSitemaps() throws {
        let processor = SitemapProcessor()
        #expect(try processor.process(Self.page("<html><body><a href='/x'>x</a></body></html>", contentType: "text/html")) == .empty)
        #expect(try processor.process(Self.page("<?xml version='1.0'?><rss><channel/></rss>")) == .empty)
        #expect(try processor.process(Self.page(GzipEncoder.compress("just text"), contentType: "application/gzip")) == .empty)
        // A declared urlset served as text/plain at a path not ending in .xml is not taken.
        let text = Self.urlset(["http://example.test/a"])
        #expect(try processor.process(Self.page(text, url: "http://example.test/list", contentType: "text/plain")) == .empty)
        #expect(try processor.process(Self.page(text, url: "http://example.test/MAP.XML", contentType: "text/plain")).links.count == 1)
    }
}
