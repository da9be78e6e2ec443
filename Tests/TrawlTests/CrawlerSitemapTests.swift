import Foundation
import Logging
import Testing
import Trawl
import TrawlCore
import TrawlFetch
import TrawlHTMLProcessor
import TrawlSitemapProcessor
import TrawlStore
import TrawlTestSupport

@Suite(.timeLimit(.minutes(2)))
struct CrawlerSitemapTests {
    static func urlset(_ locations: [String]) -> String {
        let entries = locations.map { "<url><loc>\($0)</loc><lastmod>2024-01-01</lastmod></url>" }.joined()
        return #"<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#
            + entries + "</urlset>"
    }

    static func xml(_ text: String) -> TestResponse {
        TestResponse(status: 200, headers: [("Content-Type", "application/xml")], body: Array(text.utf8))
    }

    /// Crawls with the HTML and sitemap processors; returns the summary.
    static func crawl(_ configuration: CrawlConfiguration, harness: CrawlHarness) async throws -> CrawlSummary {
        let store = try SQLiteCrawlStore(path: harness.cachePath)
        let fetcher = try CurlFetcher(configuration: FetchConfiguration())
        defer { fetcher.shutdown() }
        let crawler = try Crawler(
            configuration: configuration, fetcher: fetcher, store: store,
            processors: [HTMLProcessor(fields: CrawlHarness.titleAndDescription), SitemapProcessor()],
            sink: CollectingItemSink(), logger: Logger(label: "trawl.test"))
        return try await crawler.run()
    }

    @Test("a sitemap seed: the index's child sitemaps, gzip ones too, and every in-scope URL are requested")
    func sitemapSeed() async throws {
        let outside = try TestHTTPServer(host: "127.0.0.3") { _ in .html("<h1>outside</h1>") }
        let routes = RouteTable()
        let server = try TestHTTPServer(host: "127.0.0.1", handler: routes.respond)
        defer { server.stop(); outside.stop() }
        let pages = (1...6).map { server.url("/page\($0)") }
        routes.merge([
            "/robots.txt": .notFound,
            "/sitemap_index.xml": Self.xml("""
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>\(server.url("/a.xml"))</loc></sitemap>
                <sitemap><loc>\(server.url("/b.xml.gz"))</loc></sitemap></sitemapindex>
                """),
            "/a.xml": Self.xml(Self.urlset(Array(pages[0..<3]) + [outside.url("/x")])),
            "/b.xml.gz": TestResponse(
                status: 200, headers: [("Content-Type", "application/octet-stream")],
                body: GzipEncoder.compress(Self.urlset(Array(pages[3...])))),
        ])
        for index in 1...6 { routes.merge(["/page\(index)": .html("<h1>page \(index)</h1>")]) }
        let harness = try CrawlHarness()
        defer { harness.removeCache() }
        let summary = try await Self.crawl(
            CrawlConfiguration(seeds: [server.url("/sitemap_index.xml")]), harness: harness)
        let requested = Set(server.requestLog.map(\.target))
        #expect(requested.isSuperset(of: ["/sitemap_index.xml", "/a.xml", "/b.xml.gz"]))
        #expect(requested.isSuperset(of: Set((1...6).map { "/page\($0)" })))
        #expect(outside.requestCount == 0)
        #expect(summary.statistics.failed == 0)
        #expect(summary.statistics.items == 6)
    }

    @Test("with seedRobotsSitemaps, a robots.txt Sitemap line is crawled; without it, it is not")
    func robotsSitemaps() async throws {
        let routes = RouteTable()
        let server = try TestHTTPServer(host: "127.0.0.1", handler: routes.respond)
        defer { server.stop() }
        routes.merge([
            "/robots.txt": .text("User-agent: *\nAllow: /\nSitemap: \(server.url("/sm.xml"))\n"),
            "/": .html("<h1>home</h1>"),
            "/sm.xml": Self.xml(Self.urlset([server.url("/from-sitemap")])),
            "/from-sitemap": .html("<h1>listed</h1>"),
        ])
        for enabled in [false, true] {
            let harness = try CrawlHarness()
            defer { harness.removeCache() }
            server.resetLog()
            var configuration = CrawlConfiguration(seeds: [server.url("/")])
            configuration.seedRobotsSitemaps = enabled
            let summary = try await Self.crawl(configuration, harness: harness)
            #expect(server.requestCount(for: "/from-sitemap") == (enabled ? 1 : 0))
            #expect(summary.scheduler.sitemaps.values.flatMap { $0 } == [server.url("/sm.xml")])
        }
    }

    @Test("what the sitemap processor skipped is summed in the statistics")
    func notesAreCounted() async throws {
        let routes = RouteTable()
        let server = try TestHTTPServer(host: "127.0.0.1", handler: routes.respond)
        defer { server.stop() }
        routes.merge([
            "/robots.txt": .notFound,
            "/sm.xml": Self.xml(Self.urlset(["/relative", "ftp://x/", server.url("/p")])),
            "/p": .html("<h1>p</h1>"),
        ])
        let harness = try CrawlHarness()
        defer { harness.removeCache() }
        let summary = try await Self.crawl(CrawlConfiguration(seeds: [server.url("/sm.xml")]), harness: harness)
        #expect(summary.statistics.processorNotes == ["sitemap-invalid-loc": 2])
        #expect(server.requestCount(for: "/p") == 1)
    }
}
