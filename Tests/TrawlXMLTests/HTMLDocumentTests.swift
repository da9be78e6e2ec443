import Testing
import TrawlXML

@Suite struct HTMLDocumentTests {
    static let page = """
        <!DOCTYPE html>
        <html><head>
          <title>  The  Title </title>
          <meta name="description" content="A page about things">
          <meta name="keywords" content="a, b">
        </head><body>
          <h1>Hello <em>world</em></h1>
          <ul><li>one</li><li>two</li><li>three</li></ul>
          <p class="price">  12.50 </p>
        </body></html>
        """

    func evaluate(_ source: String, in html: String = page) throws -> XPathValue {
        let document = try HTMLDocument(parsing: Array(html.utf8))
        return try document.evaluate(XPathExpression(source))
    }

    @Test("element node sets give each node's text, descendants included, in document order")
    func nodeText() throws {
        #expect(try evaluate("//h1") == .nodes(["Hello world"]))
        #expect(try evaluate("//li") == .nodes(["one", "two", "three"]))
        #expect(try evaluate("//li/text()") == .nodes(["one", "two", "three"]))
        #expect(try evaluate("//table") == .nodes([]))
    }

    @Test("attribute node sets give attribute values")
    func attributes() throws {
        #expect(try evaluate("//meta[@name=\"description\"]/@content") == .nodes(["A page about things"]))
        #expect(try evaluate("//meta/@name") == .nodes(["description", "keywords"]))
    }

    @Test("string, count, number and boolean results keep their XPath type")
    func scalarResults() throws {
        #expect(try evaluate("string(//li[2])") == .string("two"))
        #expect(try evaluate("normalize-space(//title)") == .string("The Title"))
        #expect(try evaluate("count(//li)") == .number(3))
        #expect(try evaluate("number(//p[@class='price'])") == .number(12.5))
        #expect(try evaluate("boolean(//ul)") == .boolean(true))
        #expect(try evaluate("count(//li) > 5") == .boolean(false))
        guard case .number(let nan) = try evaluate("number('abc')") else {
            Issue.record("expected a number")
            return
        }
        #expect(nan.isNaN)
    }

    @Test("relative expressions start from the document node, every time")
    func contextNodeIsReset() throws {
        let document = try HTMLDocument(parsing: Array(Self.page.utf8))
        #expect(try document.evaluate(XPathExpression("count(html/body/ul/li)")) == .number(3))
        _ = try document.evaluate(XPathExpression("//li[last()]"))
        #expect(try document.evaluate(XPathExpression("count(html/body/ul/li)")) == .number(3))
    }

    @Test("broken HTML is recovered: unclosed tags, stray end tags, unquoted attributes")
    func brokenHTML() throws {
        let html = "<html><body><div><p>first<p>second</span><a href=x.html>link<table><tr><td>cell"
        #expect(try evaluate("//p", in: html) == .nodes(["first", "secondlink"]))
        #expect(try evaluate("//a/@href", in: html) == .nodes(["x.html"]))
        #expect(try evaluate("//td", in: html) == .nodes(["cell"]))
        #expect(try evaluate("string(/html/body/p)", in: "just text, no tags") == .string("just text, no tags"))
    }

    @Test("an empty body is a parse error")
    func emptyBody() {
        #expect(throws: XMLError.self) { try HTMLDocument(parsing: []) }
        do {
            _ = try HTMLDocument(parsing: [])
        } catch {
            #expect(error.code == .parse)
        }
    }

    @Test("an ISO-8859-1 page decodes with the encoding given by the caller")
    func encodingFromCaller() throws {
        let bytes = Array("<html><body><p>caf".utf8) + [0xE9] + Array("</p></body></html>".utf8)
        let document = try HTMLDocument(parsing: bytes, encoding: "ISO-8859-1")
        #expect(try document.evaluate(XPathExpression("string(//p)")) == .string("café"))
    }

    @Test("an ISO-8859-1 page decodes with its meta charset declaration", arguments: [
        "<meta charset=\"iso-8859-1\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
    ])
    func encodingFromMeta(meta: String) throws {
        let bytes = Array("<html><head>\(meta)</head><body><p>caf".utf8) + [0xE9]
            + Array("</p></body></html>".utf8)
        let document = try HTMLDocument(parsing: bytes)
        #expect(try document.evaluate(XPathExpression("string(//p)")) == .string("café"))
    }

    @Test("a UTF-8 page without a declaration decodes as UTF-8")
    func undeclaredUTF8() throws {
        #expect(try evaluate("string(//p)", in: "<p>café ✓</p>") == .string("café ✓"))
    }

    @Test("documents parse and evaluate concurrently from 8 tasks")
    func concurrentParsing() async throws {
        let counts = try await withThrowingTaskGroup(of: [Double].self) { group in
            for task in 0..<8 {
                group.addTask {
                    var counts: [Double] = []
                    for round in 0..<50 {
                        let items = (0..<(task + round)).map { "<li>item \($0)</li>" }.joined()
                        let html = "<html><body><ul>\(items)</ul><p>broken<div></span></body>"
                        let document = try HTMLDocument(parsing: Array(html.utf8))
                        guard case .number(let count) = try document.evaluate(XPathExpression("count(//li)"))
                        else { return [] }
                        counts.append(count - Double(task + round))
                        _ = try? XPathExpression("//bad[")
                    }
                    return counts
                }
            }
            var all: [Double] = []
            for try await counts in group { all += counts }
            return all
        }
        #expect(counts.count == 8 * 50)
        #expect(counts.allSatisfy { $0 == 0 })
    }
}
