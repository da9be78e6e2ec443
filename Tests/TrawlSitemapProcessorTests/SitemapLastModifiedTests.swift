import Testing
import TrawlCore
import TrawlURL

@testable import TrawlSitemapProcessor

/// `<lastmod>` kept with the URL when asked (`--sitemap-lastmod`).
@Suite struct SitemapLastModifiedTests {
    static let text = """
        <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>http://example.test/a</loc><lastmod>2024-05-01</lastmod></url>
        <url><loc>http://example.test/b</loc></url>
        <url><loc>http://example.test/c</loc><lastmod> 2024-06-02T10:00:00+00:00 </lastmod></url>
        </urlset>
        """

    @Test("with a field name, pages with a lastmod carry it and the others are plain links")
    func carried() throws {
        let output = try SitemapProcessor(lastModifiedField: "lastmod").process(SitemapProcessorTests.page(Self.text))
        #expect(output.links.map(\.description) == ["http://example.test/b"])
        #expect(output.carriedLinks.map(\.url.description) == ["http://example.test/a", "http://example.test/c"])
        #expect(output.carriedLinks.map(\.fields) == [
            [Field(name: "lastmod", value: .string("2024-05-01"))],
            [Field(name: "lastmod", value: .string("2024-06-02T10:00:00+00:00"))],
        ])
    }

    @Test("without one, every page is a plain link, as before")
    func plain() throws {
        let output = try SitemapProcessor().process(SitemapProcessorTests.page(Self.text))
        #expect(output.links.count == 3)
        #expect(output.carriedLinks.isEmpty)
    }

    @Test("the child sitemaps of an index never carry")
    func index() throws {
        let index = """
            <?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>http://example.test/s1.xml</loc><lastmod>2024-05-01</lastmod></sitemap></sitemapindex>
            """
        let output = try SitemapProcessor(lastModifiedField: "lastmod").process(SitemapProcessorTests.page(index))
        #expect(output.links.map(\.description) == ["http://example.test/s1.xml"])
        #expect(output.carriedLinks.isEmpty)
    }
}
