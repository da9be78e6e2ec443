import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlFetch

@Suite struct CurlFetcherTests {
    @Test("a 200 response comes back with its status, headers, body and URLs", .timeLimit(.minutes(1)))
    func okResponse() async throws {
        let server = try TestHTTPServer(routes: [
            "/hello": TestResponse.html("<p>hello</p>").adding(header: "X-Test", value: "yes")
        ])
        let fetcher = try CurlFetcher()
        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/hello")))
        let response = try #require(outcome.response, "\(outcome)")
        #expect(response.status == 200)
        #expect(response.headers["X-Test"] == "yes")
        #expect(response.headers["content-type"] == "text/html; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self) == "<p>hello</p>")
        #expect(response.requestedURL == server.url("/hello"))
        #expect(response.finalURL == server.url("/hello"))
        #expect(response.elapsed > 0)
    }

    @Test("a 404 is a response, not a failure", .timeLimit(.minutes(1)))
    func notFoundIsResponse() async throws {
        let server = try TestHTTPServer(routes: [:])
        let fetcher = try CurlFetcher()
        let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/missing"))).response)
        #expect(response.status == 404)
    }

    @Test("a gzip-encoded body is decoded, and compression was offered", .timeLimit(.minutes(1)))
    func gzipDecoding() async throws {
        let server = try TestHTTPServer(routes: ["/gz": .gzippedHTMLSample])
        let fetcher = try CurlFetcher()
        let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/gz"))).response)
        #expect(String(decoding: response.body, as: UTF8.self) == TestResponse.gzippedHTMLSampleDecoded)
        let acceptEncoding = try #require(server.requestLog.first?.headers["Accept-Encoding"])
        #expect(acceptEncoding.contains("gzip"))
    }

    @Test("a redirect is returned with its Location, not followed", .timeLimit(.minutes(1)))
    func redirectNotFollowed() async throws {
        let server = try TestHTTPServer(routes: [
            "/old": .redirect(to: "/new"), "/new": .html("new"),
        ])
        let fetcher = try CurlFetcher()
        let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/old"))).response)
        #expect(response.status == 301)
        #expect(response.headers["Location"] == "/new")
        #expect(response.isRedirect)
        #expect(response.finalURL == server.url("/old"))
        #expect(server.requestCount(for: "/new") == 0)
    }

    @Test("non-http schemes, missing schemes and overlong URLs fail without a request", .timeLimit(.minutes(1)))
    func rejectedURLs() async throws {
        var configuration = FetchConfiguration()
        configuration.maxURLLength = 200
        let fetcher = try CurlFetcher(configuration: configuration)
        #expect(await fetcher.fetch(FetchRequest(url: "ftp://127.0.0.1:9/x")).failure?.code == .unsupportedScheme)
        #expect(await fetcher.fetch(FetchRequest(url: "file:///etc/passwd")).failure?.code == .unsupportedScheme)
        #expect(await fetcher.fetch(FetchRequest(url: "127.0.0.1/x")).failure?.code == .invalidURL)
        let long = "http://127.0.0.1:9/" + String(repeating: "a", count: 300)
        #expect(await fetcher.fetch(FetchRequest(url: long)).failure?.code == .invalidURL)
    }

    @Test("a malformed http URL fails as invalid", .timeLimit(.minutes(1)))
    func malformedURL() async throws {
        let fetcher = try CurlFetcher()
        let outcome = await fetcher.fetch(FetchRequest(url: "http://[::1/x"))
        #expect(outcome.failure?.code == .invalidURL, "\(outcome)")
    }

    @Test("the configured User-Agent and the request's headers reach the server", .timeLimit(.minutes(1)))
    func requestHeaders() async throws {
        let server = try TestHTTPServer(routes: ["/": .text("ok")])
        var configuration = FetchConfiguration()
        configuration.userAgent = "TrawlTest/1.0 (+test)"
        let fetcher = try CurlFetcher(configuration: configuration)
        let request = FetchRequest(
            url: server.url("/"), headers: [("X-Custom", "value 1"), ("Accept", "text/html"), ("X-Empty", "")])
        _ = try #require(await fetcher.fetch(request).response)
        let logged = try #require(server.requestLog.first)
        #expect(logged.method == "GET")
        #expect(logged.headers["User-Agent"] == "TrawlTest/1.0 (+test)")
        #expect(logged.headers["X-Custom"] == "value 1")
        #expect(logged.headers["Accept"] == "text/html")
        #expect(logged.headers["X-Empty"] == "")
    }

    @Test("the default User-Agent names Trawl", .timeLimit(.minutes(1)))
    func defaultUserAgent() async throws {
        let server = try TestHTTPServer(routes: ["/": .text("ok")])
        let fetcher = try CurlFetcher()
        _ = try #require(await fetcher.fetch(FetchRequest(url: server.url("/"))).response)
        #expect(server.requestLog.first?.headers["User-Agent"] == TrawlVersion.defaultUserAgent)
    }

    @Test("200 concurrent fetches all complete, several in flight at once", .timeLimit(.minutes(1)))
    func concurrentFetches() async throws {
        let server = try TestHTTPServer(routes: ["/slow": TestResponse.text("ok").delayed(by: 0.2)])
        let fetcher = try CurlFetcher()
        let statuses = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<200 {
                group.addTask { await fetcher.fetch(FetchRequest(url: server.url("/slow"))).response?.status ?? -1 }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.count == 200)
        #expect(statuses.allSatisfy { $0 == 200 })
        #expect(server.requestCount == 200)
        #expect(server.maxInFlight >= 16)
        #expect(server.maxInFlight <= 64)
    }

    @Test("no more than maxConcurrentTransfers run at once; the rest wait", .timeLimit(.minutes(1)))
    func concurrencyLimit() async throws {
        let server = try TestHTTPServer(routes: ["/slow": TestResponse.text("ok").delayed(by: 0.1)])
        var configuration = FetchConfiguration()
        configuration.maxConcurrentTransfers = 3
        let fetcher = try CurlFetcher(configuration: configuration)
        let ok = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<15 {
                group.addTask { await fetcher.fetch(FetchRequest(url: server.url("/slow"))).response?.status == 200 }
            }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(ok)
        #expect(server.maxInFlight == 3)
    }

    @Test("sequential fetches reuse kept-alive connections", .timeLimit(.minutes(1)))
    func keepAlive() async throws {
        let server = try TestHTTPServer(routes: ["/page": .html("<p>x</p>")])
        let fetcher = try CurlFetcher()
        for _ in 0..<50 {
            #expect(await fetcher.fetch(FetchRequest(url: server.url("/page"))).response?.status == 200)
        }
        #expect(server.requestCount == 50)
        #expect(server.connectionsAccepted <= 3)
    }
}
