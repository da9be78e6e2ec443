import Foundation
import Testing
import TrawlCore

@testable import TrawlCLI

/// A rule's `links:` narrowing and `follow: {select, carry}`, read from a config file and run
/// through the rule processor; their mistakes are errors at their line and column.
@Suite struct RuleLinksTests {
    private static let html = """
        <html><body><h1>Home</h1><nav><a href="/docs/a">a</a><a href="/blog/b">b</a></nav>
        <main><a href="/docs/c" class="more">c</a><a href="/x">x</a></main></body></html>
        """

    private func output(_ yaml: String, body: String = html, type: String = "text/html") throws -> ProcessorOutput {
        let config = try CrawlConfigFile.parse(yaml, file: "crawl.yml")
        let processor = RuleProcessor(rules: config.rules, fallback: [], nullMissing: false)
        let page = Page(
            url: "http://s.test/", status: 200, headers: HTTPHeaders([HTTPHeaderField(name: "Content-Type", value: type)]),
            body: Array(body.utf8), depth: 0)
        return try processor.process(page)
    }

    private func paths(_ links: [some CustomStringConvertible]) -> [String] {
        links.map { $0.description.replacingOccurrences(of: "http://s.test", with: "") }
    }

    private func message(_ yaml: String) -> String? {
        do {
            _ = try CrawlConfigFile.parse(yaml, file: "crawl.yml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test("links in: only the links inside the selected elements; links match: only URLs the regex matches")
    func narrowing() throws {
        #expect(paths(try output("rules:\n  - links: {in: css:nav}\n").links) == ["/docs/a", "/blog/b"])
        #expect(paths(try output("rules:\n  - links: {match: '/docs/'}\n").links) == ["/docs/a", "/docs/c"])
        #expect(paths(try output("rules:\n  - links:\n      in: [css:nav, '//main']\n      match: ['/docs/', '/x$']\n").links)
            == ["/docs/a", "/docs/c", "/x"])
        #expect(paths(try output("rules:\n  - fields: {t: css:h1}\n").links).count == 4, "without links: every link")
    }

    @Test("links match also narrows follow selectors and JSON follow queries")
    func matchNarrowsFollow() throws {
        #expect(paths(try output("rules:\n  - follow: css:a::attr(href)\n    links: {match: 'blog'}\n").links) == ["/blog/b"])
        let json = #"{"next": ["/a", "/b/1"]}"#
        #expect(paths(try output("rules:\n  - follow: $.next[*]\n    links: {match: '/b/'}\n", body: json, type: "application/json").links) == ["/b/1"])
    }

    @Test("follow with carry: an HTML page hands its carried fields to the selected links and writes no fields")
    func htmlCarry() throws {
        let result = try output("rules:\n  - fields: {t: css:h1, n: css:nav}\n    follow: {select: css:a.more::attr(href), carry: [t]}\n")
        #expect(result.fields.isEmpty)
        #expect(result.carriedLinks.map { paths([$0.url]) } == [["/docs/c"]])
        #expect(result.carriedLinks.first?.fields == [Field(name: "t", value: .string("Home"))])
        let every = try output("rules:\n  - fields: {t: css:h1}\n    follow: {carry: [t]}\n    links: {in: css:main}\n")
        #expect(paths(every.carriedLinks.map(\.url)) == ["/docs/c", "/x"], "no select: every link, as links narrows them")
    }

    @Test("follow with carry: a JSON page carries its JSONPath fields along its select queries")
    func jsonCarry() throws {
        let result = try output(
            "rules:\n  - fields: {id: $.id}\n    follow: {select: $.next, carry: [id]}\n", body: #"{"id": 4, "next": "/n"}"#,
            type: "application/json")
        #expect(result.carriedLinks.map(\.fields) == [[Field(name: "id", value: .number("4"))]])
    }

    @Test("Mistakes in links and follow are errors at their position", arguments: [
        ("rules:\n  - links: {inn: css:nav}\n", "crawl.yml:2:13: unknown key 'inn' (did you mean 'in'?)"),
        ("rules:\n  - links: {in: 'css:nav['}\n", "crawl.yml:2:17: invalid expression 'css:nav[': CSS selector column 5"),
        ("rules:\n  - links: {in: $.a}\n", "crawl.yml:2:17: 'links: in' takes XPath or CSS selectors of HTML elements, not '$.a'"),
        ("rules:\n  - links: {match: '(a'}\n", "crawl.yml:2:20: invalid regex '(a' in 'links: match'"),
        ("rules:\n  - links: css:nav\n", "crawl.yml:2:12: 'links' must be a mapping of keys to values"),
        ("rules:\n  - follow: {select: css:a::attr(href), cary: [t]}\n", "crawl.yml:2:41: unknown key 'cary' (did you mean 'carry'?)"),
        ("rules:\n  - fields: {t: css:h1}\n    follow: {carry: [u]}\n", "crawl.yml:3:22: cannot carry 'u': the rule has no field of that name"),
        ("rules:\n  - fields: {t: css:h1}\n    follow: {carry: t}\n", "crawl.yml:3:21: 'carry' must be a list of field names"),
        ("rules:\n  - fields: {i: $.id}\n    follow: {carry: [i]}\n", "crawl.yml:3:22: cannot carry 'i': a JSONPath field needs a JSONPath 'select' to ride on"),
        ("rules:\n  - fields: {t: css:h1}\n    follow: {select: $.a, carry: [t]}\n", "crawl.yml:3:35: cannot carry 't': an XPath or CSS field rides HTML links, and the rule follows none"),
        ("rules:\n  - follow: css:a::attr(href)\n    links: {in: css:nav}\n", "crawl.yml:3:12: 'links: in' narrows the links of HTML pages found without 'follow' selectors"),
        ("links-in: ['css:nav', 'css:[']\n", "crawl.yml:1:23: invalid links-in 'css:[': CSS selector"),
        ("links-match: '(x'\n", "crawl.yml:1:14: invalid regex '(x' in 'links-match'"),
        ("links-in: $.nav\n", "crawl.yml:1:11: 'links-in' takes XPath or CSS selectors of HTML elements, not '$.nav'"),
    ])
    func errors(yaml: String, expected: String) throws {
        let text = try #require(message(yaml))
        #expect(text.hasPrefix(expected), "\(text)")
    }
}
