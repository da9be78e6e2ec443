import TrawlCore
import Testing

@testable import TrawlCLI

/// The first rule that matches a page, by URL regex and media type, extracts from it.
@Suite struct RuleProcessorTests {
    private let processor: RuleProcessor

    init() throws {
        let config = try CrawlConfigFile.parse(
            """
            rules:
              - match: {url: '/special/'}
                fields: {kind: "xpath:string('special')"}
              - match: {url: '/items/\\d+$', type: application/json}
                fields: {kind: "jsonpath:$.kind"}
              - match: {type: text/html}
                fields: {kind: "xpath:string('html')"}
              - match: {type: 'application/*'}
                fields: {kind: "jsonpath:$.other"}
            """, file: "crawl.yml")
        processor = RuleProcessor(rules: config.rules, fallback: [], nullMissing: false)
    }

    private func kind(_ url: String, type: String?, body: String) throws -> String? {
        let headers = HTTPHeaders(type.map { [HTTPHeaderField(name: "Content-Type", value: $0)] } ?? [])
        let page = Page(url: url, status: 200, headers: headers, body: Array(body.utf8), depth: 0)
        let output = try processor.process(page)
        guard let field = output.fields.first(where: { $0.name == "kind" }), case .string(let value) = field.value else { return nil }
        return value
    }

    @Test("The first matching rule wins even when a later one also matches")
    func firstMatchWins() throws {
        #expect(try kind("http://a.test/special/x", type: "text/html", body: "<p>x</p>") == "special")
        #expect(try kind("http://a.test/plain", type: "text/html; charset=utf-8", body: "<p>x</p>") == "html")
    }

    @Test("A rule needs both its URL regex and its media type to match")
    func urlAndType() throws {
        #expect(try kind("http://a.test/items/7", type: "application/json", body: #"{"kind":"item","other":"o"}"#) == "item")
        #expect(try kind("http://a.test/items/7/x", type: "application/json", body: #"{"kind":"item","other":"o"}"#) == "o")
    }

    @Test("A wildcard media type matches its whole top-level type; nothing matches a page no rule names")
    func wildcardAndNoMatch() throws {
        #expect(try kind("http://a.test/v", type: "application/vnd.x+json", body: #"{"other":"w"}"#) == "w")
        #expect(try kind("http://a.test/t", type: "text/plain", body: "hello") == nil)
    }
}
