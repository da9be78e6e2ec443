import Testing
import TrawlContent
import TrawlCore

@Suite struct ContentProcessorTests {
    private func page(_ html: String, type: String? = "text/html") -> Page {
        var headers = HTTPHeaders()
        if let type { headers.add(name: "Content-Type", value: type) }
        headers.add(name: "Date", value: "Tue, 01 Dec 2026 06:00:00 GMT")
        return Page(url: "https://example.org/p", status: 200, headers: headers, body: Array(html.utf8), depth: 0)
    }

    @Test("HTML pages get every content field in order, absent metadata left out")
    func allFields() throws {
        let output = try ContentProcessor().process(page("<html><head><title>T</title></head><body><p>One two.</p></body></html>"))
        #expect(output.fields.map(\.name) == ["markdown", "text", "title", "word_count"])
        #expect(output.fields[0].value == .string("One two."))
        #expect(output.fields[3].value == .number("2"))
        #expect(output.links.isEmpty)
    }

    @Test("only the wanted fields are added, in the order asked")
    func wantedFields() throws {
        let processor = ContentProcessor(fields: [.wordCount, .title])
        let output = try processor.process(page("<title>T</title><p>a b c</p>"))
        #expect(output.fields.map(\.name) == ["word_count", "title"])
    }

    @Test("JSON, empty and untyped non-HTML pages give nothing")
    func otherPages() throws {
        #expect(try ContentProcessor().process(page("{\"a\":1}", type: "application/json")) == .empty)
        #expect(try ContentProcessor().process(page("", type: "text/html")) == .empty)
        #expect(try ContentProcessor().process(page("plain", type: nil)) == .empty)
        #expect(try ContentProcessor().process(page("<p>x</p>", type: nil)).fields.count > 0)
    }

    @Test("the fetched field carries the Date header when asked for")
    func fetchedField() throws {
        let output = try ContentProcessor(fields: [.title], fetchedFieldName: "when").process(page("<title>T</title>"))
        #expect(output.fields.last == Field(name: "when", value: .string("Tue, 01 Dec 2026 06:00:00 GMT")))
    }

    @Test("link modes keep, text and drop")
    func linkModes() throws {
        let html = "<p>See <a href=\"/x\">this</a> page.</p>"
        func markdown(_ mode: ContentOptions.LinkMode) throws -> String {
            try ContentExtractor(options: ContentOptions(links: mode, detectsMainContent: false))
                .extract(body: Array(html.utf8), url: "https://example.org/").markdown
        }
        #expect(try markdown(.keep) == "See [this](https://example.org/x) page.")
        #expect(try markdown(.text) == "See this page.")
        #expect(try markdown(.drop) == "See page.")
    }

    @Test("images can be left out")
    func noImages() throws {
        let extractor = ContentExtractor(options: ContentOptions(images: false, detectsMainContent: false))
        let content = try extractor.extract(body: Array("<p>a <img src=\"i.png\" alt=\"i\"> b</p>".utf8), url: "https://example.org/")
        #expect(content.markdown == "a b")
    }
}
