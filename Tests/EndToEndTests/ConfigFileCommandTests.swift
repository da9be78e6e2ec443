import Foundation
import Testing
import TrawlTestSupport

/// `trawl crawl -c FILE`: the three examples against loopback servers, flags over the file,
/// and config errors as one line with exit code 2.
@Suite(.timeLimit(.minutes(2)))
struct ConfigFileCommandTests {
    private static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    private static func example(_ name: String) -> String { examples.appendingPathComponent(name).path }

    @Test("examples/pokemon.yml: the command-line seed glob replaces the file's, fields by JSONPath")
    func pokemon() async throws {
        let api = try PokemonAPIFixture()
        let folder = try TemporaryFolder()
        defer { folder.remove(); api.stop() }
        let result = try await TrawlProcess.run([
            "crawl", "-c", Self.example("pokemon.yml"), "\(api.baseURL)/api/v2/pokemon/[1-3]",
            "--cache", folder.path("c.sqlite"), "-o", "-", "-q",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let items = jsonLines(result.stdout).sorted { ($0["url"] as? String ?? "") < ($1["url"] as? String ?? "") }
        #expect(items.map { $0["name"] as? String } == ["bulbasaur", "ivysaur", "venusaur"])
        #expect(items.map { $0["height"] as? Int } == [7, 10, 20])
        #expect(!FileManager.default.fileExists(atPath: folder.path("pokemon.jsonl")))
    }

    @Test("examples/docs-site.yml: each page's title and its h2 headings as an array")
    func docsSite() async throws {
        let page = { (title: String, headings: [String], links: [String]) -> TestResponse in
            .html("<html><body><h1>\(title)</h1>" + headings.map { "<h2>\($0)</h2>" }.joined()
                + links.map { "<a href=\"\($0)\">x</a>" }.joined() + "</body></html>")
        }
        let server = try TestHTTPServer(routes: [
            "/": page("Docs", ["Start", "Guides"], ["/guide.html", "/api.html"]),
            "/guide.html": page("Guide", ["Install"], ["/"]),
            "/api.html": page("API", [], []),
        ])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let result = try await TrawlProcess.run([
            "crawl", "--config", Self.example("docs-site.yml"), server.url("/"), "--delay", "0",
            "--cache", folder.path("c.sqlite"), "-o", "-", "-q",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        var byTitle: [String: [String]] = [:]
        for item in jsonLines(result.stdout) {
            if let title = item["title"] as? String { byTitle[title] = item["headings"] as? [String] }
        }
        #expect(byTitle == ["Docs": ["Start", "Guides"], "Guide": ["Install"], "API": []])
    }

    @Test("examples/shop.yml: one item per product at its page, the listing's fields carried into it")
    func shop() async throws {
        var routes: [String: TestResponse] = ["/": .html(ProductListing.html)]
        for index in 0..<ProductListing.count {
            routes["/p/\(index)"] = .html(
                "<html><body><h1>Own name \(index)</h1><span class=\"price\">\(index).50</span>"
                    + "<p class=\"description\">About \(index)</p><a href=\"/elsewhere\">x</a></body></html>")
        }
        routes["/elsewhere"] = .html("<html><body><h1>Trap</h1></body></html>")
        let server = try TestHTTPServer(routes: routes)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let result = try await TrawlProcess.run([
            "crawl", "-c", Self.example("shop.yml"), server.url("/"), "--max-depth", "5",
            "--cache", folder.path("c.sqlite"), "-o", "-", "-q",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let items = jsonLines(result.stdout)
        #expect(items.count == ProductListing.count, "the listing writes no item of its own")
        let byURL = Dictionary(items.map { ($0["url"] as? String ?? "", $0) }) { first, _ in first }
        for index in 0..<ProductListing.count {
            let item = try #require(byURL[server.url("/p/\(index)")])
            #expect(item["index"] == nil)
            #expect((item["name"] as? String)?.hasPrefix("Own name") == false, "the carried name wins")
            #expect(item["tags"] as? [String] == ProductListing.tags(index))
            #expect(item["description"] as? String == "About \(index)")
            // No price on the listing (9, 19, …) or one that is not a number (7): the page's own.
            #expect(item["price"] as? Double == Double(index) + 0.5)
        }
        #expect(server.requestCount(for: "/elsewhere") == 0, "product pages follow nothing")
    }

    @Test("A flag on the command line wins over the file: --max-depth 0 stops at the seed")
    func flagWins() async throws {
        let server = try TestHTTPServer(routes: [
            "/": .html("<html><body><h1>Home</h1><a href=\"/a\">a</a></body></html>"),
            "/a": .html("<html><body><h1>A</h1></body></html>"),
        ])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        try "max-depth: 3\nrules:\n  - fields: {title: css:h1}\n".write(
            toFile: folder.path("crawl.yml"), atomically: true, encoding: .utf8)
        let result = try await TrawlProcess.run([
            "crawl", "-c", folder.path("crawl.yml"), server.url("/"), "--max-depth", "0",
            "--cache", folder.path("c.sqlite"), "-o", "-", "-q",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(jsonLines(result.stdout).map { $0["title"] as? String } == ["Home"])
        #expect(server.requestCount(for: "/a") == 0)
    }

    @Test("Config errors fail before any fetch with exit code 2 and one line naming file, line and column", arguments: [
        ("rules:\n  - match: {url: a}\n    feilds: {t: css:h1}\n", ":3:5: unknown key 'feilds' (did you mean 'fields'?)"),
        ("per-host: many\n", ":1:11: 'per-host' must be an integer, got 'many'"),
        ("rules:\n  - match: {url: '(x'}\n", ":2:18: invalid regex '(x'"),
        ("seeds: [a\n", ": YAML syntax error"),
    ])
    func errors(yaml: String, expected: String) async throws {
        let server = try TestHTTPServer(routes: ["/": .html("<h1>x</h1>")])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let path = folder.path("crawl.yml")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try await TrawlProcess.run(["crawl", "-c", path, server.url("/"), "--cache", folder.path("c.sqlite")])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("trawl: \(path)"), "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(server.requestCount == 0)
    }
}
