import Testing
import TrawlTestSupport

/// The synthetic link graph behind the million-URL bench (`TrawlDemoServer --graph`).
@Suite struct LinkGraphSiteTests {
    private static func links(_ response: TestResponse) -> [String] {
        response.bodyText.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    @Test("page N links to the next fanout pages, N×fanout+1 onwards, and has an h1 naming it")
    func children() {
        let response = LinkGraphSite(fanout: 3).respond(TestRequest(method: "GET", target: "/g/2"))
        #expect(response.status == 200)
        #expect(response.bodyText.contains("<h1>page 2</h1>"))
        #expect(Self.links(response) == ["/g/7", "/g/8", "/g/9"])
    }

    @Test("with a size, page numbers wrap: the same links per page, at most size URLs")
    func wraps() {
        let response = LinkGraphSite(fanout: 3, size: 8).respond(TestRequest(method: "GET", target: "/g/2"))
        #expect(Self.links(response) == ["/g/7", "/g/0", "/g/1"])
    }

    @Test("anything else is a 404", arguments: ["/", "/g/", "/g/x", "/g/-1", "/other"])
    func notFound(path: String) {
        #expect(LinkGraphSite(fanout: 2).respond(TestRequest(method: "GET", target: path)).status == 404)
    }
}
