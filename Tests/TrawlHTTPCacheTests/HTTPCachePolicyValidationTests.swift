import Foundation
import Testing
import TrawlCore
import TrawlHTTPCache

@Suite struct HTTPCachePolicyValidationTests {
    typealias F = Fixture

    /// (what, stored headers, expected conditional headers)
    static let conditions: [(String, HTTPHeaders, HTTPHeaders)] = [
        ("ETag only", [("ETag", #""abc""#)], [("If-None-Match", #""abc""#)]),
        ("weak ETag is sent as-is", [("ETag", #"W/"abc""#)], [("If-None-Match", #"W/"abc""#)]),
        ("Last-Modified only, sent as received",
         [("Last-Modified", "Sunday, 06-Nov-94 08:49:37 GMT")],
         [("If-Modified-Since", "Sunday, 06-Nov-94 08:49:37 GMT")]),
        ("both: ETag first, Last-Modified too", [("Last-Modified", F.date(-60)), ("ETag", #""abc""#)],
         [("If-None-Match", #""abc""#), ("If-Modified-Since", F.date(-60))]),
        ("an invalid Last-Modified is not a validator", [("Last-Modified", "yesterday")], []),
        ("no validator", [("Content-Type", "text/html")], []),
    ]

    @Test("Conditional headers carry the stored validators", arguments: conditions)
    func conditionalHeaders(what: String, stored: HTTPHeaders, expected: HTTPHeaders) {
        #expect(HTTPCachePolicy.conditionalHeaders(for: stored, now: F.now) == expected, "\(what)")
    }

    /// (what, stored response headers, stored request headers, new request headers, matches)
    static let varies: [(String, HTTPHeaders, HTTPHeaders, HTTPHeaders, Bool)] = [
        ("no Vary", [], [("User-Agent", "a")], [("User-Agent", "b")], true),
        ("same value", [("Vary", "User-Agent")], [("User-Agent", "trawl/1")], [("user-agent", "trawl/1")], true),
        ("different value", [("Vary", "User-Agent")], [("User-Agent", "trawl/1")], [("User-Agent", "trawl/2")], false),
        ("absent from both", [("Vary", "Accept-Language")], [], [], true),
        ("absent from one", [("Vary", "Accept-Language")], [("Accept-Language", "en")], [], false),
        ("star never matches", [("Vary", "*")], [], [], false),
        ("star in a list never matches", [("Vary", "Accept-Encoding, *")], [], [], false),
        ("several Vary lines all count", [("Vary", "Accept-Encoding"), ("vary", "user-agent")],
         [("Accept-Encoding", "gzip"), ("User-Agent", "a")], [("Accept-Encoding", "gzip"), ("User-Agent", "b")],
         false),
        ("whitespace and split lines are normalized", [("Vary", " accept-encoding ,")],
         [("Accept-Encoding", "gzip,br")], [("Accept-Encoding", "gzip"), ("Accept-Encoding", " br ")], true),
    ]

    @Test("Vary matching follows RFC 9111 §4.1", arguments: varies)
    func vary(what: String, response: HTTPHeaders, storedRequest: HTTPHeaders, newRequest: HTTPHeaders, matches: Bool) {
        #expect(
            HTTPCachePolicy.varyMatches(responseHeaders: response, storedRequest: storedRequest, newRequest: newRequest)
                == matches, "\(what)")
    }

    @Test("A Vary mismatch fetches, or misses offline, even for a fresh response")
    func varyMismatchDecides() {
        let stored = F.stored(
            [("Cache-Control", "max-age=600"), ("Vary", "User-Agent"), ("ETag", #""a""#)], age: 1,
            request: [("User-Agent", "trawl/1")])
        for mode in [CacheMode.prefer, .http, .refresh] {
            #expect(HTTPCachePolicy(mode: mode).decide(stored: stored, requestHeaders: [("User-Agent", "x")], now: F.now) == .fetch)
        }
        #expect(HTTPCachePolicy(mode: .offline).decide(stored: stored, requestHeaders: [("User-Agent", "x")], now: F.now) == .miss)
        #expect(HTTPCachePolicy(mode: .http).decide(stored: stored, requestHeaders: [("User-Agent", "trawl/1")], now: F.now) == .useStored)
    }

    @Test("A 304 replaces stored fields in place, adds new ones, and keeps the rest")
    func mergingReplaces() {
        let stored: HTTPHeaders = [
            ("Date", F.date(-600)), ("Content-Type", "text/html"), ("Cache-Control", "max-age=60"),
            ("X-Tag", "one"), ("x-tag", "two"), ("ETag", #""v1""#),
        ]
        let notModified: HTTPHeaders = [
            ("Date", F.date(0)), ("Cache-Control", "max-age=300"), ("X-Tag", "three"), ("Expires", F.date(300)),
        ]
        let merged = HTTPCachePolicy.mergingNotModified(stored: stored, notModified: notModified)
        #expect(merged == [
            ("Date", F.date(0)), ("Content-Type", "text/html"), ("Cache-Control", "max-age=300"),
            ("X-Tag", "three"), ("ETag", #""v1""#), ("Expires", F.date(300)),
        ])
    }

    @Test(
        "A 304 never updates Content-Length, Content-Encoding, hop-by-hop fields or fields its Connection names",
        arguments: ["Content-Length", "content-encoding", "Transfer-Encoding", "Keep-Alive", "Connection", "X-Hop"])
    func mergingKeeps(name: String) {
        let stored: HTTPHeaders = [("Content-Length", "1234"), ("Content-Encoding", "gzip"), ("X-Hop", "stored")]
        let notModified: HTTPHeaders = [
            ("Content-Length", "0"), ("Content-Encoding", "br"), ("Transfer-Encoding", "chunked"),
            ("Keep-Alive", "timeout=5"), ("Connection", "keep-alive, X-Hop"), ("X-Hop", "new"),
        ]
        let merged = HTTPCachePolicy.mergingNotModified(stored: stored, notModified: notModified)
        #expect(merged.values(named: name) == stored.values(named: name))
    }

    @Test("Freshening keeps the stored response and restarts its age at the 304")
    func freshenedRestartsAge() throws {
        let stored = F.stored(
            [("Cache-Control", "max-age=60"), ("ETag", #""v1""#), ("Content-Length", "5")], status: 203, age: 600,
            request: [("User-Agent", "trawl")])
        let policy = HTTPCachePolicy(mode: .http)
        #expect(policy.decide(stored: stored, requestHeaders: [], now: F.now) == .revalidate([("If-None-Match", #""v1""#)]))
        let updated = try #require(
            HTTPCachePolicy.freshened(
                stored, notModified: [("ETag", #"W/"v1""#), ("Cache-Control", "max-age=120")],
                requestTime: F.now.addingTimeInterval(-1), responseTime: F.now))
        #expect(updated.status == 203)
        #expect(updated.requestHeaders == stored.requestHeaders)
        #expect(updated.responseHeaders["Cache-Control"] == "max-age=120")
        #expect(updated.responseHeaders["Content-Length"] == "5")
        #expect(updated.responseTime == F.now)
        #expect(policy.decide(stored: updated, requestHeaders: [], now: F.now.addingTimeInterval(100)) == .useStored)
    }

    @Test("A 304 whose ETag names another representation updates nothing")
    func freshenedRejectsOtherTag() {
        let stored = F.stored([("ETag", #""v1""#)])
        #expect(HTTPCachePolicy.freshened(stored, notModified: [("ETag", #""v2""#)], requestTime: F.now, responseTime: F.now) == nil)
        let untagged = F.stored([("Last-Modified", F.date(-600))])
        #expect(HTTPCachePolicy.freshened(untagged, notModified: [("ETag", #""v2""#)], requestTime: F.now, responseTime: F.now) == nil)
        #expect(HTTPCachePolicy.freshened(untagged, notModified: [("Date", F.date(0))], requestTime: F.now, responseTime: F.now) != nil)
    }
}
