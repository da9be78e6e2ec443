import Testing
import TrawlCore
import TrawlHTMLProcessor
import TrawlTestSupport
import TrawlXML

/// `each`, CSS fields, first/all, normalization, types and null-missing on the 50-product listing.
@Suite struct HTMLProcessorEachTests {
    private let page = Page(
        url: "https://shop.example/list", status: 200,
        headers: HTTPHeaders([HTTPHeaderField(name: "Content-Type", value: "text/html")]),
        body: Array(ProductListing.html.utf8), depth: 0)

    private func xpath(_ name: String, _ source: String, _ options: FieldOptions = FieldOptions()) throws -> HTMLField {
        HTMLField(name: name, expression: try XPathExpression(source), options: options)
    }

    private func css(_ name: String, _ source: String, _ options: FieldOptions = FieldOptions()) throws -> HTMLField {
        HTMLField(name: name, expression: try HTMLExpression(css: try CSSSelector(source)), options: options)
    }

    /// The item the listing's fields should give for product `index`.
    private func expectedItem(_ index: Int, nullMissing: Bool) -> [Field] {
        var item = [Field(name: "index", value: .number(String(index))), Field(name: "name", value: .string(ProductListing.name(index)))]
        if let price = ProductListing.price(index), let number = Double(price) {
            item.append(Field(name: "price", value: .number(FieldType.numberLiteral(number) ?? "")))
        } else if nullMissing {
            item.append(Field(name: "price", value: .null))
        }
        item.append(Field(name: "tags", value: .array(ProductListing.tags(index).map { .string($0) })))
        item.append(Field(name: "link", value: .string(ProductListing.link(index))))
        return item
    }

    private func expectListing(_ output: ProcessorOutput, nullMissing: Bool) {
        #expect(output.fields.isEmpty)
        #expect(output.items.count == ProductListing.count)
        for (index, item) in output.items.enumerated() {
            #expect(item.fields == expectedItem(index, nullMissing: nullMissing), "product \(index)")
        }
        #expect(output.warnings == [#"item 7: field "price": "N/A" is not a number"#])
    }

    @Test("each with XPath gives one item per product, with index and the same types on every item")
    func eachXPath() throws {
        let processor = HTMLProcessor(
            fields: [
                try xpath("name", "./h2"), try xpath("price", ".//span[@class='price']", FieldOptions(type: .number)),
                try xpath("tags", "ul/li", FieldOptions(all: true)), try xpath("link", "a/@href"),
            ],
            each: HTMLExpression(xpath: try XPathExpression("//div[@class='product']")))
        expectListing(try processor.process(page), nullMissing: false)
    }

    @Test("each with CSS gives the same items, fields scoped to the matched element; null-missing writes null")
    func eachCSS() throws {
        let processor = HTMLProcessor(
            fields: [
                try css("name", "h2"), try css("price", "span.price::text", FieldOptions(type: .number)),
                try css("tags", "li.tag::text", FieldOptions(all: true)), try css("link", "a.more::attr(href)"),
            ],
            each: try HTMLExpression(css: try CSSSelector("div.product")), nullMissing: true)
        let output = try processor.process(page)
        expectListing(output, nullMissing: true)
        #expect(output.items[9].fields.contains(Field(name: "price", value: .null)))
    }

    @Test("an absolute XPath under each reads the whole page; a CSS field never leaves the element")
    func absoluteUnderEach() throws {
        let processor = HTMLProcessor(
            fields: [try xpath("heading", "//h1"), try css("heading2", "h1")],
            each: HTMLExpression(xpath: try XPathExpression("//div[@class='product']")), nullMissing: true)
        let output = try processor.process(page)
        #expect(output.items.count == ProductListing.count)
        #expect(output.items.allSatisfy {
            $0.fields.dropFirst() == [Field(name: "heading", value: .string(ProductListing.heading)), Field(name: "heading2", value: .null)]
        })
    }

    @Test("without each, a field holds the first match, and all: true always an array")
    func firstAndAll() throws {
        let processor = HTMLProcessor(fields: [
            try xpath("name", "//h2"), try xpath("names", "//h2", FieldOptions(all: true)),
            try css("heading", "h1", FieldOptions(all: true)), try css("none", "table", FieldOptions(all: true)),
        ])
        let output = try processor.process(page)
        #expect(output.items.isEmpty)
        #expect(output.fields == [
            Field(name: "name", value: .string("Product 0")),
            Field(name: "names", value: .array((0..<ProductListing.count).map { .string(ProductListing.name($0)) })),
            Field(name: "heading", value: .array([.string(ProductListing.heading)])),
            Field(name: "none", value: .array([])),
        ])
    }

    @Test("raw keeps the page's whitespace; the default normalizes it")
    func raw() throws {
        let processor = HTMLProcessor(fields: [try xpath("name", "//h2"), try xpath("raw", "//h2", FieldOptions(raw: true))])
        #expect(try processor.process(page).fields == [
            Field(name: "name", value: .string("Product 0")),
            Field(name: "raw", value: .string("\n    Product\u{A0}  0\n  ")),
        ])
    }

    @Test("CSS ::text gives text nodes, ::attr() attribute values, a bare selector the element's text")
    func cssPseudoElements() throws {
        let html = #"<p id="x" class="c">one <b>two</b> three</p>"#
        let small = Page(url: "https://a.example/", status: 200, headers: HTTPHeaders(), body: Array(html.utf8), depth: 0)
        let processor = HTMLProcessor(fields: [
            try css("element", "p"), try css("text", "p::text"), try css("texts", "p::text", FieldOptions(all: true)),
            try css("deep", "p ::text", FieldOptions(all: true)), try css("id", "p::attr(id)"),
        ])
        #expect(try processor.process(small).fields == [
            Field(name: "element", value: .string("one two three")),
            Field(name: "text", value: .string("one")),
            Field(name: "texts", value: .array([.string("one"), .string("three")])),
            Field(name: "deep", value: .array([.string("one"), .string("two"), .string("three")])),
            Field(name: "id", value: .string("x")),
        ])
    }

    @Test("types convert XPath results too: count() as an integer, text as a boolean")
    func typedScalars() throws {
        let processor = HTMLProcessor(fields: [
            try xpath("count", "count(//div[@class='product'])", FieldOptions(type: .string)),
            try xpath("flag", "string(//div/@data-id)", FieldOptions(type: .boolean)),
            try xpath("bad", "//h1", FieldOptions(type: .integer)),
        ])
        let output = try processor.process(page)
        #expect(output.fields == [Field(name: "count", value: .string("50")), Field(name: "flag", value: .bool(false))])
        #expect(output.warnings == [#"field "bad": "All products" is not an integer"#])
    }

    @Test("an each expression that gives a value instead of nodes fails the page")
    func eachNotNodes() throws {
        let processor = HTMLProcessor(fields: [], each: HTMLExpression(xpath: try XPathExpression("count(//div)")))
        #expect(throws: XMLError.self) { try processor.process(page) }
    }
}
