import Foundation
import Testing
import TrawlTestSupport

/// `trawl crawl --sitemap` with the real binary.
@Suite(.timeLimit(.minutes(2)))
struct SitemapCommandTests {
    @Test("--sitemap seeds a crawl from a sitemap: its pages become items, sitemap notes appear in the summary")
    func sitemapSeed() async throws {
        let routes = RouteTable()
        let server = try TestHTTPServer(host: "127.0.0.1", handler: routes.respond)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let sitemap = #"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#
            + "<url><loc>\(server.url("/a"))</loc></url><url><loc>\(server.url("/b"))</loc></url>"
            + "<url><loc>relative</loc></url></urlset>"
        routes.merge([
            "/robots.txt": .notFound,
            "/sitemap.xml": TestResponse(status: 200, headers: [("Content-Type", "text/xml")], body: Array(sitemap.utf8)),
            "/a": .html("<h1>A</h1>"),
            "/b": .html("<h1>B</h1>"),
        ])
        let result = try await TrawlProcess.run([
            "crawl", "--sitemap", server.url("/sitemap.xml"), "-o", "-", "--extract", "title=//h1",
            "--cache", folder.path("c.sqlite"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let titles = Set(jsonLines(result.stdout).compactMap { $0["title"] as? String })
        #expect(titles == ["A", "B"])
        #expect(result.stderr.contains("skipped     sitemap-invalid-loc 1"), "\(result.stderr)")
    }

    @Test("--sitemap-lastmod keeps each page's <lastmod> with its URL and writes it in the page's item")
    func lastModified() async throws {
        let routes = RouteTable()
        let server = try TestHTTPServer(host: "127.0.0.1", handler: routes.respond)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let sitemap = #"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#
            + "<url><loc>\(server.url("/a"))</loc><lastmod>2024-05-01</lastmod></url>"
            + "<url><loc>\(server.url("/b"))</loc></url></urlset>"
        routes.merge([
            "/robots.txt": .notFound,
            "/sitemap.xml": TestResponse(status: 200, headers: [("Content-Type", "text/xml")], body: Array(sitemap.utf8)),
            "/a": .html("<h1>A</h1>"),
            "/b": .html("<h1>B</h1>"),
        ])
        let result = try await TrawlProcess.run([
            "crawl", "--sitemap", server.url("/sitemap.xml"), "--sitemap-lastmod", "-o", "-", "--extract", "title=//h1",
            "--cache", folder.path("c.sqlite"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let items = jsonLines(result.stdout)
        let byTitle = Dictionary(uniqueKeysWithValues: items.compactMap { item in (item["title"] as? String).map { ($0, item) } })
        #expect(byTitle["A"]?["lastmod"] as? String == "2024-05-01")
        #expect(byTitle["B"] != nil)
        #expect(byTitle["B"]?["lastmod"] == nil)
    }

    @Test("--robots-sitemaps crawls the sitemap robots.txt lists; without it, the sitemap is not requested")
    func robotsSitemaps() async throws {
        let routes = RouteTable()
        let server = try TestHTTPServer(host: "127.0.0.1", handler: routes.respond)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let sitemap = #"<?xml version="1.0"?><urlset><url><loc>\#(server.url("/listed"))</loc></url></urlset>"#
        routes.merge([
            "/robots.txt": .text("User-agent: *\nSitemap: \(server.url("/sitemap.xml"))\n"),
            "/": .html("<h1>home</h1>"),
            "/sitemap.xml": TestResponse(status: 200, headers: [("Content-Type", "application/xml")], body: Array(sitemap.utf8)),
            "/listed": .html("<h1>listed</h1>"),
        ])
        for flag in [false, true] {
            server.resetLog()
            let result = try await TrawlProcess.run(
                ["crawl", server.url("/"), "-o", "-", "--quiet", "--cache", folder.path("c\(flag).sqlite")]
                    + (flag ? ["--robots-sitemaps"] : []))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(server.requestCount(for: "/sitemap.xml") == (flag ? 1 : 0))
            #expect(server.requestCount(for: "/listed") == (flag ? 1 : 0))
        }
    }
}
