import Foundation
import Testing
import TrawlCore
import TrawlHTTPCache

@Suite struct HTTPCachePolicyTests {
    typealias F = Fixture
    static let etag: HTTPHeaders = [("If-None-Match", #""v1""#)]
    static let fresh = F.stored([("Cache-Control", "max-age=600"), ("ETag", #""v1""#)], age: 60)
    static let stale = F.stored([("Cache-Control", "max-age=60"), ("ETag", #""v1""#)], age: 600)
    static let staleNoValidator = F.stored([("Cache-Control", "max-age=60")], age: 600)
    static let staleMustRevalidate = F.stored(
        [("Cache-Control", "max-age=60, must-revalidate"), ("ETag", #""v1""#)], age: 600)
    static let freshNoCache = F.stored([("Cache-Control", "no-cache, max-age=600"), ("ETag", #""v1""#)], age: 60)

    /// (what, stored, decision in prefer, http, refresh, offline)
    static let modes: [(String, StoredResponseMeta?, [CacheDecision])] = [
        ("nothing stored", nil, [.fetch, .fetch, .fetch, .miss]),
        ("fresh", fresh, [.useStored, .useStored, .revalidate(etag), .useStored]),
        ("stale with ETag", stale, [.useStored, .revalidate(etag), .revalidate(etag), .useStored]),
        ("stale without validator", staleNoValidator, [.useStored, .fetch, .fetch, .useStored]),
        ("stale must-revalidate", staleMustRevalidate, [.useStored, .revalidate(etag), .revalidate(etag), .miss]),
        ("fresh no-cache", freshNoCache, [.useStored, .revalidate(etag), .revalidate(etag), .miss]),
    ]

    @Test("Each mode decides as documented", arguments: modes)
    func modesDecide(what: String, stored: StoredResponseMeta?, expected: [CacheDecision]) {
        let decisions = [CacheMode.prefer, .http, .refresh, .offline].map {
            HTTPCachePolicy(mode: $0).decide(stored: stored, requestHeaders: [], now: F.now)
        }
        #expect(decisions == expected, "\(what)")
    }

    /// (what, stored response headers, seconds since received, request headers, decision in http mode)
    static let httpCases: [(String, HTTPHeaders, Double, HTTPHeaders, CacheDecision)] = [
        ("fresh by Expires", [("Date", F.date(-60)), ("Expires", F.date(600))], 60, [], .useStored),
        ("stale by Expires with Last-Modified", [("Expires", "0"), ("Last-Modified", F.date(-9000))], 60, [],
         .revalidate([("If-Modified-Since", F.date(-9000))])),
        ("stale by Age header", [("Cache-Control", "max-age=100"), ("Age", "150"), ("ETag", #""a""#)], 0, [],
         .revalidate([("If-None-Match", #""a""#)])),
        ("fresh by heuristic", [("Date", F.date(-60)), ("Last-Modified", F.date(-86_400))], 60, [], .useStored),
        ("stale by heuristic", [("Date", F.date(-9000)), ("Last-Modified", F.date(-18_000))], 9000, [],
         .revalidate([("If-Modified-Since", F.date(-18_000))])),
        ("no freshness and no validator", [("Content-Type", "text/html")], 1, [], .fetch),
        ("qualified no-cache revalidates like unqualified",
         [("Cache-Control", #"max-age=600, no-cache="Set-Cookie""#), ("ETag", #"W/"w""#)], 1, [],
         .revalidate([("If-None-Match", #"W/"w""#)])),
        ("must-revalidate while fresh is used", [("Cache-Control", "max-age=600, must-revalidate")], 1, [], .useStored),
        ("a stored no-store response is fetched again", [("Cache-Control", "no-store, max-age=600")], 1, [], .fetch),
        ("request no-cache revalidates a fresh response", [("Cache-Control", "max-age=600"), ("ETag", #""a""#)], 1,
         [("Cache-Control", "no-cache")], .revalidate([("If-None-Match", #""a""#)])),
        ("request max-age below the age revalidates", [("Cache-Control", "max-age=600"), ("ETag", #""a""#)], 60,
         [("Cache-Control", "max-age=10")], .revalidate([("If-None-Match", #""a""#)])),
        ("request min-fresh beyond the remaining lifetime revalidates",
         [("Cache-Control", "max-age=600"), ("ETag", #""a""#)], 500, [("Cache-Control", "min-fresh=200")],
         .revalidate([("If-None-Match", #""a""#)])),
        ("request max-stale accepts a little staleness", [("Cache-Control", "max-age=60")], 100,
         [("Cache-Control", "max-stale=60")], .useStored),
        ("request max-stale does not accept more", [("Cache-Control", "max-age=60")], 200,
         [("Cache-Control", "max-stale=60")], .fetch),
        ("request max-stale never overrides must-revalidate", [("Cache-Control", "max-age=60, must-revalidate")],
         100, [("Cache-Control", "max-stale")], .fetch),
        ("only-if-cached uses a fresh response", [("Cache-Control", "max-age=600")], 1,
         [("Cache-Control", "only-if-cached")], .useStored),
        ("only-if-cached turns a revalidation into a miss", [("Cache-Control", "max-age=60"), ("ETag", #""a""#)],
         100, [("Cache-Control", "only-if-cached")], .miss),
    ]

    @Test("HTTP mode follows RFC 9111", arguments: httpCases)
    func httpMode(what: String, headers: HTTPHeaders, age: Double, request: HTTPHeaders, expected: CacheDecision) {
        let decision = HTTPCachePolicy(mode: .http).decide(
            stored: F.stored(headers, age: age), requestHeaders: request, now: F.now)
        #expect(decision == expected, "\(what)")
    }

    @Test("only-if-cached with nothing stored is a miss, not a fetch")
    func onlyIfCachedNothingStored() {
        let decision = HTTPCachePolicy(mode: .http).decide(
            stored: nil, requestHeaders: [("Cache-Control", "only-if-cached")], now: F.now)
        #expect(decision == .miss)
    }

    /// (what, --max-age in seconds, seconds since received, stored headers, decision)
    static let preferCases: [(String, Int?, Double, HTTPHeaders, CacheDecision)] = [
        ("no limit uses any age", nil, 1e9, [("ETag", #""a""#)], .useStored),
        ("younger than the limit", 3600, 600, [("ETag", #""a""#)], .useStored),
        ("older than the limit revalidates", 3600, 7200, [("ETag", #""a""#)], .revalidate([("If-None-Match", #""a""#)])),
        ("older than the limit without validator fetches", 3600, 7200, [], .fetch),
        ("the limit counts from receipt, not from the Age header", 3600, 10, [("Age", "100000")], .useStored),
        ("prefer ignores no-cache", nil, 10, [("Cache-Control", "no-cache")], .useStored),
    ]

    @Test("Prefer mode uses stored responses up to --max-age", arguments: preferCases)
    func preferMode(what: String, limit: Int?, age: Double, headers: HTTPHeaders, expected: CacheDecision) {
        let policy = HTTPCachePolicy(mode: .prefer, maxAge: limit.map { .seconds($0) })
        #expect(policy.decide(stored: F.stored(headers, age: age), requestHeaders: [], now: F.now) == expected, "\(what)")
    }

    @Test("Offline mode serves a response that is stale by Expires 0 and only misses on server prohibitions")
    func offlineServesStale() {
        let policy = HTTPCachePolicy(mode: .offline)
        let expired = F.stored([("Expires", "0")], age: 1e6)
        #expect(policy.decide(stored: expired, requestHeaders: [("Cache-Control", "no-cache")], now: F.now) == .useStored)
        let noStore = F.stored([("Cache-Control", "no-store")], age: 1)
        #expect(policy.decide(stored: noStore, requestHeaders: [], now: F.now) == .miss)
        let freshMustRevalidate = F.stored([("Cache-Control", "max-age=60, must-revalidate")], age: 1)
        #expect(policy.decide(stored: freshMustRevalidate, requestHeaders: [], now: F.now) == .useStored)
    }
}

