import Foundation
import Testing
import Trawl
import TrawlCore
import TrawlFetch
import TrawlFrontier
import TrawlTestSupport

@Suite(.timeLimit(.minutes(2)))
struct CrawlerPolitenessTests {
    /// A hub page linking to `count` slow pages on the same host.
    private static func slowSite(count: Int, delay: Double) throws -> TestHTTPServer {
        let links = (0..<count).map { "<a href=\"/p\($0)\">p\($0)</a>" }.joined()
        return try TestHTTPServer(host: "127.0.0.1") { request in
            if request.path == "/" { return .html("<html><body><h1>hub</h1>\(links)</body></html>") }
            var response = TestResponse.html("<html><body><h1>\(request.path)</h1></body></html>")
            response.delay = delay
            return response
        }
    }

    @Test("the per-host limit holds: the server never sees more requests in flight than allowed")
    func perHostLimitHolds() async throws {
        let server = try Self.slowSite(count: 24, delay: 0.05)
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop() }
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(seeds: [server.url("/")], limits: .init(concurrency: 64, perHost: 3)))
        #expect(items.count == 25)
        #expect(summary.statistics.failed == 0)
        #expect(server.maxInFlight == 3, "limit 3, saw \(server.maxInFlight)")
    }

    @Test("the global limit holds over several hosts")
    func globalLimitHolds() async throws {
        let first = try Self.slowSite(count: 10, delay: 0.05)
        let second = try TestHTTPServer(host: "127.0.0.2") { request in
            var response = TestResponse.html("<html><body><h1>\(request.path)</h1></body></html>")
            response.delay = 0.05
            return response
        }
        let harness = try CrawlHarness()
        defer { harness.removeCache(); first.stop(); second.stop() }
        let seeds = [first.url("/")] + (0..<10).map { second.url("/s\($0)") }
        let (_, items) = try await harness.crawl(
            CrawlConfiguration(seeds: seeds, limits: .init(concurrency: 4, perHost: 4)))
        #expect(items.count == 21)
        #expect(first.maxInFlight + second.maxInFlight <= 4 + 4)
        #expect(first.maxInFlight <= 4 && second.maxInFlight <= 4)
    }

    @Test("a body over the size limit is recorded as too large and the crawl goes on")
    func tooLargeBody() async throws {
        let server = try TestHTTPServer(host: "127.0.0.1") { request in
            switch request.path {
            case "/": .html(#"<html><body><h1>home</h1><a href="/big">big</a><a href="/ok">ok</a></body></html>"#)
            case "/big": .html("<html><body><h1>big</h1>" + String(repeating: "x", count: 200_000) + "</body></html>")
            default: .html("<html><body><h1>ok</h1></body></html>")
            }
        }
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop() }
        var fetch = FetchConfiguration()
        fetch.maxBodyBytes = 100_000
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(seeds: [server.url("/")]), fetch: fetch)
        #expect(summary.statistics.failedByReason == ["too-large": 1])
        #expect(Set(items.map(\.url)) == [server.url("/"), server.url("/ok")])
    }

    @Test("a redirect to a non-http scheme or another host is recorded, not followed")
    func badRedirects() async throws {
        let outside = try TestHTTPServer(host: "127.0.0.3") { _ in .html("<h1>outside</h1>") }
        let server = try TestHTTPServer(host: "127.0.0.1") { request in
            switch request.path {
            case "/robots.txt": .notFound
            case "/": .html(#"<html><body><h1>home</h1><a href="/ftp">a</a><a href="/away">b</a><a href="/js">c</a></body></html>"#)
            case "/ftp": .redirect(to: "ftp://127.0.0.1/file", status: 302)
            case "/js": .redirect(to: "javascript:alert(1)", status: 301)
            default: .redirect(to: outside.url("/x"), status: 301)
            }
        }
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop(); outside.stop() }
        let (summary, _) = try await harness.crawl(CrawlConfiguration(seeds: [server.url("/")]))
        #expect(summary.statistics.failedByReason == ["unsupported-scheme": 2, "redirect-out-of-scope": 1])
        #expect(outside.requestCount == 0)
    }

    @Test("a redirect chain longer than the limit is cut and recorded")
    func tooManyRedirects() async throws {
        let server = try TestHTTPServer(host: "127.0.0.1") { request in
            if request.path == "/robots.txt" { return .notFound }
            let n = Int(request.path.dropFirst()) ?? 0
            return .redirect(to: "/\(n + 1)", status: 302)
        }
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop() }
        let (summary, _) = try await harness.crawl(
            CrawlConfiguration(seeds: [server.url("/0")], maxRedirects: 3))
        #expect(summary.statistics.failedByReason == ["too-many-redirects": 1])
        #expect(server.requestCount == 4 + 1, "robots.txt, then the seed and three hops")
    }
}
