import Testing
import TrawlXML

@Suite struct HTMLDocumentNodesTests {
    private let html = """
        <html><body><h1>Top</h1>
        <div class="row"><b>one</b><i title="first">1</i></div>
        <div class="row"><b>two</b></div>
        <div class="row"><b>three</b><i title="third">3</i></div>
        </body></html>
        """

    private func document() throws -> HTMLDocument {
        try HTMLDocument(parsing: Array(html.utf8))
    }

    @Test("nodes(matching:) returns the selected nodes in document order")
    func nodes() throws {
        let rows = try document().nodes(matching: XPathExpression("//div[@class='row']"))
        #expect(rows.map(\.stringValue) == ["one1", "two", "three3"])
    }

    @Test("relative expressions start from the given node; absolute ones still search the document")
    func relative() throws {
        let document = try document()
        let rows = try document.nodes(matching: XPathExpression("//div"))
        let bold = try XPathExpression("./b")
        let title = try XPathExpression("i/@title")
        let heading = try XPathExpression("//h1")
        #expect(try rows.map { try document.evaluate(bold, relativeTo: $0) } == [
            .nodes(["one"]), .nodes(["two"]), .nodes(["three"]),
        ])
        #expect(try document.evaluate(title, relativeTo: rows[1]) == .nodes([]))
        #expect(try document.evaluate(title, relativeTo: rows[2]) == .nodes(["third"]))
        #expect(try document.evaluate(heading, relativeTo: rows[2]) == .nodes(["Top"]))
        #expect(try document.evaluate(XPathExpression("count(preceding-sibling::div)"), relativeTo: rows[2]) == .number(2))
        // Evaluating from a node leaves later document-level evaluations unaffected.
        #expect(try document.evaluate(bold) == .nodes([]))
        #expect(try document.evaluate(XPathExpression("count(//b)")) == .number(3))
    }

    @Test("CSS relative XPath scopes a selector to the context element")
    func cssRelative() throws {
        let document = try document()
        let rows = try document.nodes(matching: XPathExpression(CSSSelector("div.row").xpath))
        let italic = try XPathExpression(CSSSelector("i::attr(title)").relativeXPath)
        #expect(try rows.map { try document.evaluate(italic, relativeTo: $0) } == [
            .nodes(["first"]), .nodes([]), .nodes(["third"]),
        ])
    }

    @Test("an expression that gives a value instead of nodes is an error for nodes(matching:)")
    func notNodes() throws {
        #expect(throws: XMLError.self) { try document().nodes(matching: XPathExpression("count(//div)")) }
    }

    @Test("a node from another document is refused")
    func foreignNode() throws {
        let first = try document()
        let second = try document()
        let node = try #require(try first.nodes(matching: XPathExpression("//h1")).first)
        #expect(throws: XMLError.self) { try second.evaluate(XPathExpression("."), relativeTo: node) }
    }
}
