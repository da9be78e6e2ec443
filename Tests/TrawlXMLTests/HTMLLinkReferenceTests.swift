import Testing
import TrawlXML

@Suite struct HTMLLinkReferenceTests {
    @Test("link references come from a, area, link, iframe and frame in document order")
    func linkElements() throws {
        let html = """
            <html><head><link rel="stylesheet" href="s.css"><link rel="next" href="p2"></head>
            <body><a href=" a.html ">A</a><a name="anchor-only">x</a>
            <map><area href="area.html"></map><iframe src="frame.html"></iframe>
            <A HREF="UPPER.html">upper</A><img src="img.png"><a href="">empty</a></body></html>
            """
        let links = try HTMLDocument(parsing: Array(html.utf8)).linkReferences()
        #expect(links.base == nil)
        #expect(links.references == [
            HTMLLinkReference(source: .link, reference: "s.css", rel: "stylesheet"),
            HTMLLinkReference(source: .link, reference: "p2", rel: "next"),
            HTMLLinkReference(source: .anchor, reference: " a.html "),
            HTMLLinkReference(source: .area, reference: "area.html"),
            HTMLLinkReference(source: .iframe, reference: "frame.html"),
            HTMLLinkReference(source: .anchor, reference: "UPPER.html"),
            HTMLLinkReference(source: .anchor, reference: ""),
        ])
    }

    @Test("frames and the first base href are found")
    func framesAndBase() throws {
        let html = """
            <html><head><base target="_top"><base href="/docs/"><base href="/ignored/"></head>
            <frameset><frame src="left.html"><frame src="right.html"></frameset></html>
            """
        let links = try HTMLDocument(parsing: Array(html.utf8)).linkReferences()
        #expect(links.base == "/docs/")
        #expect(links.references.map(\.reference) == ["left.html", "right.html"])
        #expect(links.references.allSatisfy { $0.source == .frame })
    }

    @Test("entities in attribute values are decoded")
    func entities() throws {
        let html = "<a href=\"/search?q=1&amp;page=2&copy;\">x</a>"
        let links = try HTMLDocument(parsing: Array(html.utf8)).linkReferences()
        #expect(links.references.map(\.reference) == ["/search?q=1&page=2©"])
    }
}
