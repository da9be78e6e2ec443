import Testing
import TrawlCore
import TrawlHTMLProcessor
import TrawlXML

@Suite struct HTMLProcessorTests {
    static let pageURL = "https://example.com/docs/guide/page.html?x=1"

    func page(
        _ html: String, contentType: String? = "text/html; charset=utf-8", url: String = pageURL
    ) -> Page {
        Page(url: url, status: 200, headers: HTTPHeaders(contentType.map { [HTTPHeaderField(name: "Content-Type", value: $0)] } ?? []),
             body: Array(html.utf8), depth: 0)
    }

    func links(_ body: String, url: String = pageURL) throws -> [String] {
        try HTMLProcessor(fields: []).process(page("<html><body>\(body)</body></html>", url: url)).links.map(\.absoluteString)
    }

    func fields(_ html: String, _ fields: [(String, String)]) throws -> [Field] {
        let processor = HTMLProcessor(
            fields: try fields.map { HTMLField(name: $0.0, expression: try XPathExpression($0.1)) })
        return try processor.process(page(html)).fields
    }

    @Test("every href form resolves against the page URL", arguments: [
        ("https://other.org/a", "https://other.org/a"),
        ("http://other.org", "http://other.org/"),
        ("/root/p", "https://example.com/root/p"),
        ("../up.html", "https://example.com/docs/up.html"),
        ("../../../../top", "https://example.com/top"),
        ("./same.html", "https://example.com/docs/guide/same.html"),
        ("sibling", "https://example.com/docs/guide/sibling"),
        ("?q=2", "https://example.com/docs/guide/page.html?q=2"),
        ("#section", "https://example.com/docs/guide/page.html?x=1#section"),
        ("//cdn.example.net/lib", "https://cdn.example.net/lib"),
        ("  \n\t/spaced.html \n ", "https://example.com/spaced.html"),
        ("/a b", "https://example.com/a%20b"),
        ("\\back\\slash", "https://example.com/back/slash"),
        ("HTTPS://Example.COM:443/Case", "https://example.com/Case"),
    ])
    func hrefForms(href: String, expected: String) throws {
        #expect(try links("<a href=\"\(href)\">x</a>") == [expected])
    }

    @Test("a relative base href resolves against the page URL and then serves as the base")
    func relativeBase() throws {
        let html = "<html><head><base href=\"/other/dir/\"></head><body><a href=\"p.html\">x</a>"
            + "<a href=\"../q.html\">y</a></body></html>"
        let output = try HTMLProcessor(fields: []).process(page(html))
        #expect(output.links.map(\.absoluteString) == ["https://example.com/other/dir/p.html", "https://example.com/other/q.html"])
    }

    @Test("an absolute base href replaces the page URL; only the first base counts")
    func absoluteBase() throws {
        let html = "<head><base href=\"http://mirror.example.org/m/\"><base href=\"/ignored/\"></head>"
            + "<a href=\"p.html\">x</a><a href=\"/root\">y</a>"
        let output = try HTMLProcessor(fields: []).process(page(html))
        #expect(output.links.map(\.absoluteString) == ["http://mirror.example.org/m/p.html", "http://mirror.example.org/root"])
    }

    @Test("a base href with a non-http scheme is ignored")
    func nonHTTPBase() throws {
        let html = "<head><base href=\"javascript:void(0)\"></head><a href=\"p.html\">x</a>"
        let output = try HTMLProcessor(fields: []).process(page(html))
        #expect(output.links.map(\.absoluteString) == ["https://example.com/docs/guide/p.html"])
    }

    @Test("link elements count only for rel next, prev or alternate; area, iframe and frame count")
    func otherElements() throws {
        let html = """
            <html><head>
            <link rel="stylesheet" href="/style.css"><link rel="icon" href="/icon.png">
            <link rel="next" href="/page/2"><link rel="Prev Start" href="/page/0">
            <link rel="ALTERNATE" hreflang="de" href="/de/"><link href="/no-rel">
            </head><body>
            <map><area href="/area" shape="rect"></map><iframe src="/embedded"></iframe>
            <img src="/image.png"><script src="/app.js"></script>
            </body></html>
            """
        let output = try HTMLProcessor(fields: []).process(page(html))
        #expect(output.links.map(\.absoluteString) == [
            "https://example.com/page/2", "https://example.com/page/0", "https://example.com/de/",
            "https://example.com/area", "https://example.com/embedded",
        ])
    }

    @Test("frame src attributes in a frameset are links")
    func frames() throws {
        let html = "<html><frameset><frame src=\"left.html\"><frame src=\"/right\"></frameset></html>"
        let output = try HTMLProcessor(fields: []).process(page(html))
        #expect(output.links.map(\.absoluteString) == ["https://example.com/docs/guide/left.html", "https://example.com/right"])
    }

    @Test("javascript, mailto, tel, data, ftp, empty and unparsable references are skipped")
    func skippedReferences() throws {
        let body = """
            <a href="javascript:void(0)">j</a><a href=" JavaScript:alert(1)">J</a>
            <a href="mailto:someone@example.com">m</a><a href="tel:+123">t</a>
            <a href="data:text/html,hi">d</a><a href="ftp://files.example.com/x">f</a>
            <a href="">e</a><a href="   ">s</a><a>none</a><a href="http://exa mple.com/">bad</a>
            <a href="/kept">k</a>
            """
        #expect(try links(body) == ["https://example.com/kept"])
    }

    @Test("links keep document order and drop consecutive duplicates")
    func order() throws {
        let body = "<a href=\"/b\">1</a><a href=\"/b\">2</a><a href=\"/a\">3</a><a href=\"/b\">4</a>"
        #expect(try links(body) == ["https://example.com/b", "https://example.com/a", "https://example.com/b"])
    }

    @Test("followLinks false returns no links but still the fields")
    func noFollow() throws {
        let processor = HTMLProcessor(
            fields: [HTMLField(name: "title", expression: try XPathExpression("//title"))], followLinks: false)
        let output = try processor.process(page("<title>T</title><a href=\"/x\">x</a>"))
        #expect(output.links.map(\.absoluteString) == [])
        #expect(output.fields == [Field(name: "title", value: .string("T"))])
    }

    @Test("fields with 0, 1 and many matches: omitted, a normalized string, the first match's string")
    func fieldMatches() throws {
        let html = "<title>\n  Hello   world </title><ul><li> a </li><li>b\n</li><li>c</li></ul><p>"
        let result = try fields(html, [("missing", "//h1"), ("title", "//title"), ("items", "//li")])
        #expect(result == [
            Field(name: "title", value: .string("Hello world")),
            Field(name: "items", value: .string("a")),
        ])
    }

    @Test("string (normalized), number and boolean results map to JSON values; NaN is omitted")
    func scalarFields() throws {
        let html = "<title>  T </title><ul><li>1</li><li>2</li><li>3</li></ul><p>4.25</p>"
        let result = try fields(html, [
            ("string", "string(//title)"), ("count", "count(//li)"), ("number", "number(//p)"),
            ("negative", "-count(//li) * 1000000"), ("nan", "number('x')"), ("bool", "boolean(//ul)"),
            ("infinite", "1 div 0"), ("meta", "//meta[@name='description']/@content"),
        ])
        #expect(result == [
            Field(name: "string", value: .string("T")),
            Field(name: "count", value: .number("3")),
            Field(name: "number", value: .number("4.25")),
            Field(name: "negative", value: .number("-3000000")),
            Field(name: "bool", value: .bool(true)),
        ])
    }

    @Test("attribute fields read attribute values")
    func attributeField() throws {
        let html = "<head><meta name=\"description\" content=\" About us \"></head>"
        let result = try fields(html, [("description", "//meta[@name=\"description\"]/@content")])
        #expect(result == [Field(name: "description", value: .string("About us"))])
    }

    @Test("non-HTML pages give empty output", arguments: [
        ("application/json", "{\"a\": \"<b>\"}"), ("text/plain", "<p>not html</p>"),
        ("image/png", "<svg/>"),
    ])
    func nonHTML(contentType: String, body: String) throws {
        let processor = HTMLProcessor(fields: [HTMLField(name: "all", expression: try XPathExpression("//*"))])
        #expect(try processor.process(page(body, contentType: contentType)) == .empty)
    }

    @Test("without a Content-Type, a body starting with < (after whitespace and BOM) is HTML")
    func sniffing() throws {
        let processor = HTMLProcessor(fields: [])
        let html = page("\u{FEFF}  \n<a href=\"/x\">x</a>", contentType: nil)
        #expect(try processor.process(html).links.map(\.absoluteString) == ["https://example.com/x"])
        #expect(try processor.process(page("plain <a href=\"/x\">", contentType: nil)) == .empty)
        #expect(try processor.process(page("   ", contentType: nil)) == .empty)
    }

    @Test("an empty HTML body gives empty output, not an error")
    func emptyBody() throws {
        let processor = HTMLProcessor(fields: [HTMLField(name: "t", expression: try XPathExpression("//title"))])
        #expect(try processor.process(page("")) == .empty)
        #expect(try processor.process(page("   \n")) == .empty)
    }

    @Test("the Content-Type charset decodes the page")
    func charset() throws {
        let processor = HTMLProcessor(fields: [HTMLField(name: "p", expression: try XPathExpression("//p"))])
        var latin1 = page("", contentType: "text/html; charset=ISO-8859-1")
        latin1.body = Array("<p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        #expect(try processor.process(latin1).fields == [Field(name: "p", value: .string("café"))])
    }

    @Test("a page URL that does not parse gives no links but still fields")
    func badPageURL() throws {
        let processor = HTMLProcessor(fields: [HTMLField(name: "t", expression: try XPathExpression("//title"))])
        let output = try processor.process(page("<title>T</title><a href=\"/x\">x</a>", url: "not a url"))
        #expect(output.links.map(\.absoluteString) == [])
        #expect(output.fields == [Field(name: "t", value: .string("T"))])
    }

    @Test("a field that fails to evaluate throws")
    func failingField() throws {
        let processor = HTMLProcessor(
            fields: [HTMLField(name: "bad", expression: try XPathExpression("//p[no-such-function()]"))])
        #expect(throws: XMLError.self) { try processor.process(page("<p>x</p>")) }
    }
}
