import Foundation
import Testing
import TrawlTestSupport

@Suite(.timeLimit(.minutes(1)))
struct StaticSiteHandlerTests {
    /// `examples/site` in this checkout, found from this file's path.
    private static let exampleSite = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/site").path

    private func serve() throws -> TestHTTPServer {
        try TestHTTPServer(handler: StaticSiteHandler(root: Self.exampleSite).respond)
    }

    @Test func mapsDirectoriesToIndexFilesAndTypesByExtension() throws {
        let server = try serve()
        defer { server.stop() }
        let client = try TestHTTPClient(server)
        let home = try client.send("GET", "/")
        #expect(home.status == 200)
        #expect(home.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(home.bodyText.contains("<h1>Trawl Demo Site</h1>"))
        #expect(try client.send("GET", "/news/").bodyText.contains("<h1>News</h1>"))
        let redirect = try client.send("GET", "/news")
        #expect(redirect.status == 301 && redirect.headers["Location"] == "/news/")
        #expect(try client.send("GET", "/guides/article-2.html?x=1").status == 200)
        #expect(try client.send("HEAD", "/about.html").body.isEmpty)
        #expect(try client.send("POST", "/about.html").status == 405)
    }

    @Test func servesJSONWithoutExtensionAndTheAPIIndex() throws {
        let server = try serve()
        defer { server.stop() }
        let client = try TestHTTPClient(server)
        let third = try client.send("GET", "/api/pokemon/3")
        #expect(third.headers["Content-Type"] == "application/json")
        let object = try JSONSerialization.jsonObject(with: Data(third.body)) as? [String: Any]
        #expect(object?["name"] as? String == "venusaur")
        #expect(try client.send("GET", "/api/pokemon/3.json").body == third.body)
        #expect(try client.send("GET", "/api/pokemon/").bodyText.contains("\"count\": 12"))
        #expect(try client.send("GET", "/api/pokemon/13").status == 404)
    }

    @Test func refusesTraversalAndMissingFiles() throws {
        let server = try serve()
        defer { server.stop() }
        let client = try TestHTTPClient(server)
        #expect(try client.send("GET", "/../Package.swift").status == 400)
        #expect(try client.send("GET", "/news/%2e%2e/%2E%2E/Package.swift").status == 400)
        #expect(try client.send("GET", "/nope.html").status == 404)
        #expect(throws: TestServerError.self) { try StaticSiteHandler(root: "/definitely/not/here") }
    }

    @Test func exampleSiteHasThirtyPagesWithTitlesAndDescriptions() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.exampleSite)?.allObjects as? [String])
        let pages = files.filter { $0.hasSuffix(".html") }
        #expect(pages.count == 30)
        for page in pages {
            let text = try String(contentsOfFile: Self.exampleSite + "/" + page, encoding: .utf8)
            #expect(text.contains("<h1>") && text.contains("<meta name=\"description\""), "\(page)")
        }
        #expect(files.filter { $0.hasPrefix("api/pokemon/") && $0.hasSuffix(".json") }.count == 13)
    }
}
