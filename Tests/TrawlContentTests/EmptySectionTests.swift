import Testing
import TrawlContent

@Suite struct EmptySectionTests {
    @Test("with main-content detection, headings whose section was removed are dropped")
    func emptySections() throws {
        let html = """
            <html><body><article><h1>Title</h1><p>\(String(repeating: "Body text, with commas. ", count: 12))</p>
            <h2>References</h2><ol class="references"><li>Ref one</li></ol>
            <h2>Notes</h2><h3>Sub</h3><p>Kept note text that is long enough to stay in the article body.</p></article></body></html>
            """
        let markdown = try ContentExtractor().extract(body: Array(html.utf8), url: "https://example.org/").markdown
        #expect(markdown.hasPrefix("# Title\n\nBody text"))
        #expect(!markdown.contains("References") && !markdown.contains("Ref one"))
        #expect(markdown.contains("## Notes\n\n### Sub\n\nKept note"))
    }
}
