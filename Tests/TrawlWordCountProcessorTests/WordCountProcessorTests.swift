import Foundation
import Logging
import Testing
import Trawl
import TrawlCore
import TrawlFetch
import TrawlHTMLProcessor
import TrawlStore
import TrawlTestSupport
import TrawlWordCountProcessor
import TrawlXML

/// The example plugin on its own, and registered by an embedding program beside the built-ins.
@Suite(.timeLimit(.minutes(1)))
struct WordCountProcessorTests {
    private func page(_ html: String, type: String = "text/html; charset=utf-8") -> Page {
        Page(url: "http://example.test/", status: 200, headers: [("Content-Type", type)], body: Array(html.utf8), depth: 0)
    }

    @Test("counts the words of the body's text, leaving scripts, styles and the head out")
    func countsBodyWords() throws {
        let processor = try WordCountProcessor()
        let html = """
            <html><head><title>not counted</title><style>p { x: y }</style></head>
            <body><h1>Three  words here</h1><p>and\ntwo <b>more</b></p><script>var notCounted = 1</script></body></html>
            """
        let output = try processor.process(page(html))
        #expect(output.fields == [Field(name: "word_count", value: .number("6"))])
        #expect(output.links.isEmpty)
    }

    @Test("pages that are not HTML are left alone")
    func ignoresOtherPages() throws {
        let processor = try WordCountProcessor()
        #expect(try processor.process(page(#"{"a": "b c"}"#, type: "application/json")) == .empty)
    }

    @Test("an embedding program registers it beside the HTML processor: one item per page holds both processors' fields")
    func registeredInACrawl() async throws {
        let server = try TestHTTPServer(routes: [
            "/": .html(#"<html><body><h1>Home page</h1><a href="/b">one two three</a></body></html>"#),
            "/b": .html("<html><body><h1>B</h1></body></html>"),
        ])
        let folder = try TemporaryFolder(prefix: "trawl-plugin")
        defer { folder.remove(); server.stop() }
        let store = try SQLiteCrawlStore(path: folder.path("c.sqlite"))
        let fetcher = try CurlFetcher(configuration: FetchConfiguration())
        defer { fetcher.shutdown() }
        let sink = try JSONLinesWriter(path: folder.path("items.jsonl"))
        let crawler = try Crawler(
            configuration: CrawlConfiguration(seeds: [server.url("/")]), fetcher: fetcher, store: store,
            processors: [
                HTMLProcessor(fields: [HTMLField(name: "title", expression: try XPathExpression("//h1"))]),
                try WordCountProcessor(),
            ],
            sink: sink, logger: Logger(label: "trawl.test"))
        _ = try await crawler.run()
        let lines = Set(folder.read("items.jsonl").split(separator: "\n").map(String.init))
        #expect(lines == [
            #"{"url":"\#(server.url("/"))","title":"Home page","word_count":5}"#,
            #"{"url":"\#(server.url("/b"))","title":"B","word_count":1}"#,
        ])
    }
}
