import Foundation
import Testing
import TrawlCore
import TrawlHTTPCache

@Suite struct HTTPCachePolicyStorageTests {
    /// (what, mode, status, response headers, request headers, storable)
    static let cases: [(String, CacheMode, Int, HTTPHeaders, HTTPHeaders, Bool)] = [
        ("a plain 200 is heuristically cacheable", .http, 200, [], [], true),
        ("no-store is never stored in http mode", .http, 200, [("Cache-Control", "no-store")], [], false),
        ("no-store is never stored in prefer mode", .prefer, 200, [("Cache-Control", "max-age=60, NO-STORE")], [], false),
        ("a request no-store forbids storing", .http, 200, [("Cache-Control", "max-age=60")],
         [("Cache-Control", "no-store")], false),
        ("must-understand overrides no-store for a known status", .http, 200,
         [("Cache-Control", "no-store, must-understand")], [], true),
        ("a bare 302 is not cacheable in http mode", .http, 302, [], [], false),
        ("a bare 302 is not cacheable in refresh mode", .refresh, 302, [], [], false),
        ("prefer mode keeps a bare 302 as the crawl record", .prefer, 302, [], [], true),
        ("a 302 with max-age is cacheable", .http, 302, [("Cache-Control", "max-age=60")], [], true),
        ("a 302 with Expires is cacheable, even an invalid one", .http, 302, [("Expires", "0")], [], true),
        ("a private 500 is cacheable by a private cache", .http, 500, [("Cache-Control", "private")], [], true),
        ("a public 500 is cacheable", .http, 500, [("Cache-Control", "public")], [], true),
        ("a bare 500 is not", .http, 500, [], [], false),
        ("a 404 is heuristically cacheable", .http, 404, [], [], true),
        ("a 304 is never stored on its own", .prefer, 304, [], [], false),
        ("a 206 is never stored", .prefer, 206, [("Cache-Control", "max-age=60")], [], false),
        ("an interim 1xx is never stored", .offline, 103, [], [], false),
    ]

    @Test("Storability follows RFC 9111 §3 in http mode and keeps the crawl record otherwise", arguments: cases)
    func storable(what: String, mode: CacheMode, status: Int, response: HTTPHeaders, request: HTTPHeaders, expected: Bool) {
        let policy = HTTPCachePolicy(mode: mode)
        #expect(policy.isStorable(status: status, responseHeaders: response, requestHeaders: request) == expected, "\(what)")
    }

    @Test("Cache modes round-trip through their --cache-mode spelling")
    func modeNames() {
        #expect(CacheMode.allCases.map(\.rawValue) == ["prefer", "http", "refresh", "offline"])
        #expect(CacheMode(rawValue: "http") == .http)
        #expect(CacheMode(rawValue: "HTTP") == nil)
    }

    @Test("Metadata from a Response dates the request elapsed seconds before receipt")
    func metaFromResponse() {
        let response = Response(
            requestedURL: "http://a.test/", status: 404, headers: [("ETag", "\"x\"")],
            fetchedAt: Fixture.now, elapsed: 2.5)
        let meta = StoredResponseMeta(response: response, requestHeaders: [("User-Agent", "trawl")])
        #expect(meta.status == 404 && meta.responseHeaders == response.headers)
        #expect(meta.requestHeaders == [("User-Agent", "trawl")])
        #expect(meta.responseTime == Fixture.now)
        #expect(meta.requestTime == Fixture.now.addingTimeInterval(-2.5))
    }
}
