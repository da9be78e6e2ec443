import Testing
import TrawlContent

@Suite struct PageMetadataTests {
    private func extract(_ head: String, body: String = "<p>x</p>", url: String = "https://example.org/a/b.html") throws -> ExtractedContent {
        let page = "<!DOCTYPE html><html lang=\"de-CH\"><head>\(head)</head><body>\(body)</body></html>"
        return try ContentExtractor().extract(body: Array(page.utf8), url: url)
    }

    @Test("title, description, language, canonical, author and date come from meta tags")
    func metaTags() throws {
        let content = try extract("""
            <title> Page  title </title><meta name="description" content="Desc.">
            <meta name="author" content="Jo Doe"><meta name="date" content="2024-05-06">
            <link rel="canonical" href="../c/">
            """)
        #expect(content.title == "Page title")
        #expect(content.description == "Desc.")
        #expect(content.language == "de-CH")
        #expect(content.canonical == "https://example.org/c/")
        #expect(content.author == "Jo Doe")
        #expect(content.published == "2024-05-06")
    }

    @Test("Open Graph and article properties win over plain tags")
    func openGraph() throws {
        let content = try extract("""
            <title>Plain | Site</title><meta property="og:title" content="OG title">
            <meta property="og:description" content="OG desc">
            <meta property="article:published_time" content="2025-01-02T03:04:05Z">
            """)
        #expect(content.title == "OG title")
        #expect(content.description == "OG desc")
        #expect(content.published == "2025-01-02T03:04:05Z")
    }

    @Test("JSON-LD articles give headline, authors and dates, also inside @graph")
    func linkedData() throws {
        let content = try extract("""
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2023-09-09",
               "author":[{"@type":"Person","name":"A One"},{"name":"B Two"}],"inLanguage":"fr"}]}</script>
            <title>T</title>
            """)
        #expect(content.title == "LD headline")
        #expect(content.author == "A One, B Two")
        #expect(content.published == "2023-09-09")
    }

    @Test("invalid JSON-LD is ignored")
    func brokenLinkedData() throws {
        let content = try extract("<script type=\"application/ld+json\">{not json</script><title>T</title>")
        #expect(content.title == "T")
        #expect(content.author == nil)
    }

    @Test("a page without metadata has none, and the first h1 as a title")
    func nothing() throws {
        let content = try ContentExtractor().extract(
            body: Array("<html><body><h1>Heading</h1><p>Text here.</p></body></html>".utf8), url: "https://example.org/")
        #expect(content.title == "Heading")
        #expect(content.description == nil && content.language == nil && content.canonical == nil)
        #expect(content.author == nil && content.published == nil)
        #expect(content.wordCount == 3)
        #expect(content.text == "Heading\n\nText here.")
    }

    @Test("the charset from the content type decodes the page")
    func charset() throws {
        let bytes: [UInt8] = Array("<html><body><p>caf".utf8) + [0xE9] + Array("</p></body></html>".utf8)
        let content = try ContentExtractor().extract(body: bytes, contentType: "text/html; charset=iso-8859-1", url: "https://example.org/")
        #expect(content.text == "café")
    }
}
