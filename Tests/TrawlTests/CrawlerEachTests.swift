import Foundation
import Testing
import Trawl
import TrawlCore
import TrawlFrontier
import TrawlHTMLProcessor
import TrawlJSONProcessor
import TrawlTestSupport
import TrawlXML

@Suite(.timeLimit(.minutes(2)))
struct CrawlerEachTests {
    @Test("a page with each writes one item per match, in order, with the page URL; warnings are counted")
    func itemsPerMatch() async throws {
        let server = try TestHTTPServer(routes: ["/list": .html(ProductListing.html)])
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop() }
        let html = HTMLProcessor(
            fields: [
                HTMLField(name: "name", expression: try HTMLExpression(css: try CSSSelector("h2"))),
                HTMLField(
                    name: "price", expression: try HTMLExpression(css: try CSSSelector("span.price::text")),
                    options: FieldOptions(type: .number)),
            ],
            each: try HTMLExpression(css: try CSSSelector("div.product")))
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(seeds: [server.url("/list")], limits: FrontierLimits(maxDepth: 0)),
            processors: [html, JSONProcessor(fields: [])])
        #expect(items.count == ProductListing.count)
        #expect(items.allSatisfy { $0.url == server.url("/list") })
        #expect(items.map { $0.fields.first } == (0..<ProductListing.count).map { Field(name: "index", value: .number(String($0))) })
        #expect(items[3].jsonLine == #"{"url":"\#(server.url("/list"))","index":3,"name":"Product 3","price":3.5}"#)
        #expect(summary.statistics.items == ProductListing.count)
        #expect(summary.statistics.fieldWarnings == 1, "product 7's price N/A")
        #expect(summary.statistics.failed == 0)
    }
}
