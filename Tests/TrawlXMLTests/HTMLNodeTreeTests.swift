import Testing
import TrawlXML

@Suite struct HTMLNodeTreeTests {
    static func parse(_ html: String) throws -> HTMLDocument {
        try HTMLDocument(parsing: Array(html.utf8))
    }

    @Test("the document gives its root, head and body elements")
    func rootHeadBody() throws {
        let document = try Self.parse("<html><head><title>T</title></head><body><p>x</p></body></html>")
        #expect(document.rootElement?.tagName == "html")
        #expect(document.head?.tagName == "head")
        #expect(document.body?.tagName == "body")
        #expect(document.body?.parent?.tagName == "html")
        #expect(document.rootElement?.parent == nil)
    }

    @Test("children are walked in order with their kinds")
    func childrenInOrder() throws {
        let document = try Self.parse("<body><p>a</p>text<!--c--><div></div></body>")
        let children = Array(try #require(document.body).children)
        #expect(children.map(\.kind) == [.element, .text, .comment, .element])
        #expect(children.map(\.tagName) == ["p", "", "", "div"])
        #expect(children[1].textContent == "text")
        #expect(children[2].textContent == "c")
        #expect(children[0].nextSibling == children[1])
        #expect(children[0].firstChild?.textContent == "a")
        #expect(children[3].firstChild == nil)
        #expect(children[0].parent == document.body)
    }

    @Test("attributes are found ignoring case and listed in source order")
    func attributes() throws {
        let document = try Self.parse("<body><a HREF='/x' data-Id=\"7\" title=\"a &amp; b\">l</a></body>")
        let link = try #require(document.body?.firstChild)
        #expect(link.attribute("href") == "/x")
        #expect(link.attribute("DATA-ID") == "7")
        #expect(link.attribute("title") == "a & b")
        #expect(link.attribute("rel") == nil)
        #expect(link.attributes.map(\.name) == ["href", "data-id", "title"])
        #expect(link.attributes.map(\.value) == ["/x", "7", "a & b"])
    }

    @Test("an element's text content joins its descendants' text, entities decoded")
    func textContent() throws {
        let document = try Self.parse("<body><div>a <b>b&eacute;</b> <i>c</i></div></body>")
        let div = try #require(document.body?.firstChild)
        #expect(div.textContent == "a bé c")
        #expect(div.isElement(named: "div"))
        #expect(!div.isElement(named: "di"))
        let text = try #require(div.firstChild)
        #expect(text.withTextBytes { Array($0) } == Array("a ".utf8))
        #expect(div.withTextBytes { $0.count } == 0)
    }

    @Test("nodes reached by XPath and by walking are the same nodes")
    func identity() throws {
        let document = try Self.parse("<body><p id='x'>a</p></body>")
        let byXPath = try document.nodes(matching: XPathExpression("//p"))
        #expect(byXPath.first == document.body?.firstChild)
        #expect(Set(byXPath).count == 1)
    }
}
