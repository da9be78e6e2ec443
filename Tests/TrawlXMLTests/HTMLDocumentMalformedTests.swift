import Testing
import TrawlTestSupport
@testable import TrawlXML

/// Broken HTML still gives every link a browser would find: the parser never silently stops.
@Suite struct HTMLDocumentMalformedTests {
    private func references(_ bytes: [UInt8], encoding: String = "utf-8") throws -> [String] {
        try HTMLDocument(parsing: bytes, encoding: encoding).linkReferences().references.map(\.reference)
    }

    @Test("Every page of the malformed catalogue gives all its links", arguments: MalformedHTML.cases.map(\.path))
    func catalogue(path: String) throws {
        let page = try #require(MalformedHTML.cases.first { $0.path == path })
        #expect(try references(page.body, encoding: page.charset) == page.links)
    }

    @Test("Bytes the charset cannot decode make the page read as ISO-8859-1, whole, and say so")
    func undecodableBytes() throws {
        let page = MalformedHTML.invalidShiftJIS
        #expect(try HTMLDocument(parsing: page.body, encoding: "shift_jis").readAsLatin1)
        #expect(try !HTMLDocument(parsing: Array("<p>\u{3042}</p>".utf8), encoding: "utf-8").readAsLatin1)
        #expect(try !HTMLDocument(parsing: MalformedHTML.invalidUTF8.body, encoding: "utf-8").readAsLatin1, "libxml2 copes with bad UTF-8")
    }

    @Test("A NUL byte becomes U+FFFD in text and in attribute values, as in browsers")
    func nulBecomesReplacementCharacter() throws {
        let bytes = Array("<p title=\"a".utf8) + [0] + Array("b\">".utf8) + [0] + Array("text</p>".utf8)
        let document = try HTMLDocument(parsing: bytes)
        #expect(try document.evaluate(XPathExpression("string(//p/@title)")) == .string("a\u{FFFD}b"))
        #expect(try document.evaluate(XPathExpression("string(//p)")) == .string("\u{FFFD}text"))
    }

    @Test("NUL bytes of UTF-16 text are left alone")
    func utf16Untouched() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00, 0x70, 0x00]
        #expect(HTMLDocument.replacingNULBytes(in: bytes, encoding: nil) == bytes)
        #expect(HTMLDocument.replacingNULBytes(in: [0x41, 0x00], encoding: "utf-16le") == [0x41, 0x00])
        #expect(HTMLDocument.replacingNULBytes(in: [0x41, 0x00, 0x42], encoding: "utf-8") == [0x41, 0xEF, 0xBF, 0xBD, 0x42])
    }

    @Test("Nesting far past libxml2's default cap of 256 parses whole, also left unclosed")
    func deepNestingParsesWhole() throws {
        let depth = 50_000
        let unclosed = Array(
            ("<a href=/before>b</a>" + String(repeating: "<div><span>", count: depth) + "<a href=/inside>i</a>").utf8)
        #expect(try references(unclosed) == ["/before", "/inside"])
        let document = try HTMLDocument(parsing: Array(
            (String(repeating: "<div>", count: 300) + "<h2>deep</h2>" + String(repeating: "</div>", count: 300) + "<h2>after</h2>").utf8))
        #expect(try document.evaluate(XPathExpression("//h2")) == .nodes(["deep", "after"]))
    }

    @Test("Link references within selected elements: descendants of elements, attribute values as they are, nested matches once")
    func referencesWithin() throws {
        let html = """
            <a href="/out">o</a><nav><a href="/n1">1</a><div class="x"><a href="/n2">2</a></div></nav>
            <p><a href="/p1" class="x">p</a></p><link rel="next" href="/next">
            """
        let document = try HTMLDocument(parsing: Array(html.utf8))
        let nav = try document.nodes(matching: XPathExpression("//nav | //nav//div"))
        #expect(document.linkReferences(within: nav).references.map(\.reference) == ["/n1", "/n2"])
        let anchor = try document.nodes(matching: XPathExpression("//a[@class='x']"))
        #expect(document.linkReferences(within: anchor).references.map(\.reference) == ["/p1"])
        let attributes = try document.nodes(matching: XPathExpression("//p//a/@href"))
        #expect(document.linkReferences(within: attributes).references == [HTMLLinkReference(source: .anchor, reference: "/p1")])
        #expect(document.linkReferences(within: []).references.isEmpty)
    }
}
