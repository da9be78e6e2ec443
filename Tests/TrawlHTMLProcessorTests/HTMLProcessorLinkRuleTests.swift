import Foundation
import Testing
import TrawlCore
import TrawlHTMLProcessor
import TrawlTestSupport
import TrawlURL
import TrawlXML

/// ``HTMLLinkRule``: which links an HTML page gives, and fields carried along them.
@Suite struct HTMLProcessorLinkRuleTests {
    private static let site = """
        <html><head><base href="/base/"></head><body>
        <nav><a href="one">1</a><div><a href="two">2</a></div></nav>
        <main><a href="three" class="more">3</a><a href="mailto:x@y">m</a></main>
        <footer><a href="four">4</a><nav><a href="five">5</a></nav></footer>
        </body></html>
        """

    private func page(_ html: String, url: String = "https://site.example/dir/page") -> Page {
        Page(
            url: url, status: 200, headers: HTTPHeaders([HTTPHeaderField(name: "Content-Type", value: "text/html")]),
            body: Array(html.utf8), depth: 0)
    }

    private func css(_ source: String) throws -> HTMLExpression { try HTMLExpression(css: try CSSSelector(source)) }

    private func links(_ rule: HTMLLinkRule, _ html: String = site) throws -> [String] {
        try HTMLProcessor(fields: [], links: rule).process(page(html)).links.map(\.description)
    }

    @Test("Without a rule every link element is a link, resolved against the base")
    func everyLink() throws {
        #expect(try links(HTMLLinkRule()) == ["one", "two", "three", "four", "five"].map { "https://site.example/base/\($0)" })
    }

    @Test("links in: only the link elements inside the selected elements, every match, each once")
    func within() throws {
        #expect(try links(HTMLLinkRule(within: [try css("nav")])) == ["one", "two", "five"].map { "https://site.example/base/\($0)" })
        #expect(try links(HTMLLinkRule(within: [HTMLExpression(xpath: XPathExpression("//main"))])) == ["https://site.example/base/three"])
        #expect(try links(HTMLLinkRule(within: [try css("nav a::attr(href)")])).count == 3)
        #expect(try links(HTMLLinkRule(within: [try css("aside")])).isEmpty)
    }

    @Test("select: attribute values and strings are the links; elements give their links and those inside them")
    func select() throws {
        #expect(try links(HTMLLinkRule(select: [try css("a.more")])) == ["https://site.example/base/three"])
        #expect(try links(HTMLLinkRule(select: [try css("footer"), try css("main a")])) == ["four", "five", "three"].map { "https://site.example/base/\($0)" })
        #expect(try links(HTMLLinkRule(select: [try css("a.more::text")])) == ["https://site.example/base/3"], "text is a reference")
        #expect(try links(HTMLLinkRule(select: [try css("a.more::attr(href)")])) == ["https://site.example/base/three"])
        #expect(try links(HTMLLinkRule(select: [HTMLExpression(xpath: XPathExpression("string(//footer/a/@href)"))])) == ["https://site.example/base/four"])
    }

    @Test("A within expression that gives a value instead of nodes fails the page")
    func withinValueFails() throws {
        #expect(throws: XMLError.self) { try links(HTMLLinkRule(within: [HTMLExpression(xpath: XPathExpression("count(//a)"))])) }
    }

    @Test("carry without each: links carry the page's carried fields that have a value, and the page gives no fields")
    func carryPage() throws {
        let fields = [
            HTMLField(name: "title", expression: try css("h1")),
            HTMLField(name: "missing", expression: try css("h6")),
            HTMLField(name: "none", expression: try css("h5"), options: FieldOptions(all: true)),
            HTMLField(name: "own", expression: try css("p")),
        ]
        let processor = HTMLProcessor(
            fields: fields, nullMissing: true,
            links: HTMLLinkRule(select: [try css("a::attr(href)")], carry: ["title", "missing", "none"]))
        let output = try processor.process(page("<h1>Title</h1><p>text</p><a href='/x'>x</a><a href='/y'>y</a>"))
        #expect(output.fields.isEmpty)
        #expect(output.links.isEmpty)
        #expect(output.carriedLinks.map(\.url.description) == ["https://site.example/x", "https://site.example/y"])
        #expect(output.carriedLinks.allSatisfy { $0.fields == [Field(name: "title", value: .string("Title"))] })
        let alone = try processor.process(page("<h1>Title</h1><p>text</p>"))
        #expect(alone.carriedLinks.isEmpty)
        #expect(alone.fields.map(\.name) == ["title", "missing", "none", "own"], "no links: the page's fields as usual")
    }

    @Test("carry with each: each product carries its own fields into its link; a product without one is an item")
    func carryEach() throws {
        let html = ProductListing.html.replacingOccurrences(of: "<a class=\"more\" href=\"/p/3\">details</a>", with: "")
            .replacingOccurrences(of: "</body>", with: "<a class=\"more\" href=\"/page/2\">next</a></body>")
        let processor = HTMLProcessor(
            fields: [HTMLField(name: "name", expression: try css("h2")), HTMLField(name: "tags", expression: try css("li.tag::text"), options: FieldOptions(all: true))],
            each: try css("div.product"),
            links: HTMLLinkRule(select: [try css("a.more::attr(href)")], carry: ["name", "tags"]))
        let output = try processor.process(page(html, url: "https://shop.example/"))
        #expect(output.carriedLinks.count == ProductListing.count - 1)
        #expect(output.carriedLinks.first == CarryingLink(
            url: try WebURL("https://shop.example/p/0"),
            fields: [Field(name: "name", value: .string("Product 0")), Field(name: "tags", value: .array([.string("red"), .string("sale")]))]))
        #expect(output.items.map { $0.fields.first?.value } == [.number("3")], "product 3 has no link: its item stays")
        #expect(output.links.map(\.description) == ["https://shop.example/page/2"], "a link outside every product is followed plain")
    }

    @Test("carry with each and every link: the links inside each match carry, narrowed by links in")
    func carryEachEveryLink() throws {
        let html = "<div class=i><h2>A</h2><a href=/a>a</a><nav><a href=/a2>2</a></nav></div><div class=i><h2>B</h2></div><nav><a href=/n>n</a></nav>"
        let processor = HTMLProcessor(
            fields: [HTMLField(name: "name", expression: try css("h2"))], each: try css("div.i"),
            links: HTMLLinkRule(within: [try css("nav")], carry: ["name"]))
        let output = try processor.process(page(html, url: "https://s.example/"))
        #expect(output.carriedLinks == [CarryingLink(url: try WebURL("https://s.example/a2"), fields: [Field(name: "name", value: .string("A"))])])
        #expect(output.items.count == 1)
        #expect(output.links.map(\.description) == ["https://s.example/n"])
    }
}
