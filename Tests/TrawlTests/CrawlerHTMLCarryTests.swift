import Testing
import Trawl
import TrawlCore
import TrawlFrontier
import TrawlHTMLProcessor
import TrawlTestSupport
import TrawlXML

/// Items across HTML pages through the real engine: a listing's fields carried along its
/// links into the detail pages, which write the items.
@Suite(.timeLimit(.minutes(2)))
struct CrawlerHTMLCarryTests {
    /// The listing's processor at `/`, the detail pages' everywhere else.
    private struct ByPage: Processor {
        let listing: HTMLProcessor
        let detail: HTMLProcessor
        var name: String { "html" }
        func process(_ page: Page) throws -> ProcessorOutput {
            try (page.url.hasSuffix("/") ? listing : detail).process(page)
        }
    }

    private func css(_ name: String, _ source: String, _ options: FieldOptions = FieldOptions()) throws -> HTMLField {
        HTMLField(name: name, expression: try HTMLExpression(css: try CSSSelector(source)), options: options)
    }

    private let detail: HTMLProcessor = {
        let fields = (try? [HTMLField(name: "description", expression: HTMLExpression(xpath: XPathExpression("//p[@class='description']")))]) ?? []
        return HTMLProcessor(fields: fields, followLinks: false)
    }()

    @Test("listing with each: one item per product at its page, its listing fields first, then the page's own")
    func listingEachToDetail() async throws {
        let server = try TestHTTPServer(routes: ProductListing.routes)
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop() }
        let listing = HTMLProcessor(
            fields: [try css("name", "h2"), try css("price", "span.price::text", FieldOptions(type: .number)),
                     try css("tags", "li.tag::text", FieldOptions(all: true))],
            each: try HTMLExpression(css: try CSSSelector("div.product")),
            links: HTMLLinkRule(select: [HTMLExpression(xpath: try XPathExpression("a[@class='more']/@href"))], carry: ["name", "price", "tags"]))
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(seeds: [server.url("/")]), processors: [ByPage(listing: listing, detail: detail)])
        #expect(summary.statistics.failed == 0)
        #expect(items.count == ProductListing.count, "the listing writes no item of its own")
        let byURL = Dictionary(items.map { ($0.url, $0) }) { first, _ in first }
        for index in 0..<ProductListing.count {
            var expected = [Field(name: "name", value: .string(ProductListing.name(index)))]
            if let price = ProductListing.price(index), let number = Double(price) {
                expected.append(Field(name: "price", value: .number(FieldType.numberLiteral(number) ?? "")))
            }
            expected.append(Field(name: "tags", value: .array(ProductListing.tags(index).map { .string($0) })))
            expected.append(Field(name: "description", value: .string("About \(index)")))
            #expect(byURL[server.url(ProductListing.link(index))]?.fields == expected, "product \(index)")
        }
        #expect(server.requestCount(for: "/elsewhere") == 0)
    }

    @Test("without each: the page's carried fields ride every selected link, and the page writes no item")
    func pageToDetails() async throws {
        let server = try TestHTTPServer(routes: ProductListing.routes)
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop() }
        let listing = HTMLProcessor(
            fields: [try css("heading", "h1"), try css("title", "title")],
            links: HTMLLinkRule(select: [try HTMLExpression(css: try CSSSelector("a.more::attr(href)"))], carry: ["heading"]))
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(seeds: [server.url("/")]), processors: [ByPage(listing: listing, detail: detail)])
        #expect(summary.statistics.failed == 0)
        #expect(items.count == ProductListing.count)
        #expect(items.allSatisfy { $0.fields.map(\.name) == ["heading", "description"] })
        #expect(items.allSatisfy { $0.fields.first?.value == .string(ProductListing.heading) })
        #expect(!items.contains { $0.url == server.url("/") })
    }

    @Test("fields carried into a listing lead every item its each matches give")
    func carriedIntoEachItems() async throws {
        var routes = ProductListing.routes
        routes["/category"] = .html("<html><body><h1>Fruit</h1><a href=\"/\">all</a></body></html>")
        let server = try TestHTTPServer(routes: routes)
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop() }
        let category = HTMLProcessor(
            fields: [try css("category", "h1")], links: HTMLLinkRule(select: [try HTMLExpression(css: try CSSSelector("a"))], carry: ["category"]))
        let listing = HTMLProcessor(fields: [try css("name", "h2")], each: try HTMLExpression(css: try CSSSelector("div.product")), followLinks: false)
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(seeds: [server.url("/category")]), processors: [ByPage(listing: listing, detail: category)])
        #expect(summary.statistics.failed == 0)
        #expect(items.count == ProductListing.count)
        #expect(items.first?.fields == [
            Field(name: "category", value: .string("Fruit")), Field(name: "index", value: .number("0")),
            Field(name: "name", value: .string("Product 0")),
        ])
        #expect(items.allSatisfy { $0.url == server.url("/") && $0.fields.first?.name == "category" })
    }

    @Test("every page of the malformed-HTML catalogue gives all its links to the crawl, none fails")
    func malformedPagesKeepTheirLinks() async throws {
        let server = try TestHTTPServer(routes: MalformedHTML.routes)
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop() }
        let (summary, _) = try await harness.crawl(CrawlConfiguration(seeds: [server.url("/")]))
        #expect(summary.statistics.failed == 0)
        #expect(summary.statistics.processorNotes == ["html-undecodable-bytes": 1], "the Shift_JIS page, read as ISO-8859-1")
        for page in MalformedHTML.cases {
            for link in page.links { #expect(server.requestCount(for: link) == 1, "\(page.path) → \(link)") }
        }
    }
}
