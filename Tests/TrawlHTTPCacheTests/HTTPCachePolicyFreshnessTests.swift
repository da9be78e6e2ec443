import Foundation
import Testing
import TrawlCore
import TrawlHTTPCache

@Suite struct HTTPCachePolicyFreshnessTests {
    typealias F = Fixture

    /// (what, status, headers, seconds received before now, expected lifetime)
    static let lifetimes: [(String, Int, HTTPHeaders, Double, Double?)] = [
        ("max-age", 200, [("Cache-Control", "max-age=600")], 0, 600),
        ("max-age beats Expires", 200,
         [("Cache-Control", "max-age=10"), ("Date", F.date(0)), ("Expires", F.date(3600))], 0, 10),
        ("s-maxage is ignored by a private cache", 200,
         [("Cache-Control", "s-maxage=600, max-age=5")], 0, 5),
        ("s-maxage alone gives no freshness", 500, [("Cache-Control", "s-maxage=600")], 0, nil),
        ("invalid max-age is stale even with a later Expires", 200,
         [("Cache-Control", "max-age=soon"), ("Date", F.date(0)), ("Expires", F.date(3600))], 0, 0),
        ("Expires minus Date", 200, [("Date", F.date(-100)), ("Expires", F.date(3500))], 100, 3600),
        ("Expires without Date counts from the response time", 200, [("Expires", F.date(3500))], 100, 3600),
        ("Expires with an invalid Date counts from the response time", 200,
         [("Date", "garbage"), ("Expires", F.date(3500))], 100, 3600),
        ("Expires 0 is already stale", 200, [("Date", F.date(0)), ("Expires", "0")], 0, 0),
        ("Expires before Date is stale", 200, [("Date", F.date(0)), ("Expires", F.date(-60))], 0, 0),
        ("two different Expires are stale", 200,
         [("Date", F.date(0)), ("Expires", F.date(60)), ("Expires", F.date(120))], 0, 0),
        ("heuristic: 10% of Date minus Last-Modified", 200,
         [("Date", F.date(0)), ("Last-Modified", F.date(-18_000))], 0, 1800),
        ("heuristic is capped at one day", 200,
         [("Date", F.date(0)), ("Last-Modified", F.date(-30 * 86_400))], 0, 86_400),
        ("heuristic for a 404", 404, [("Date", F.date(0)), ("Last-Modified", F.date(-18_000))], 0, 1800),
        ("no heuristic for a 302", 302, [("Date", F.date(0)), ("Last-Modified", F.date(-18_000))], 0, nil),
        ("no heuristic for a 500", 500, [("Date", F.date(0)), ("Last-Modified", F.date(-18_000))], 0, nil),
        ("public makes a 302 heuristically cacheable", 302,
         [("Cache-Control", "public"), ("Date", F.date(0)), ("Last-Modified", F.date(-18_000))], 0, 1800),
        ("no heuristic when Expires is explicit", 200,
         [("Date", F.date(0)), ("Expires", F.date(0)), ("Last-Modified", F.date(-18_000))], 0, 0),
        ("Last-Modified after Date gives nothing", 200,
         [("Date", F.date(0)), ("Last-Modified", F.date(600))], 0, 0),
        ("invalid Last-Modified gives no heuristic", 200, [("Date", F.date(0)), ("Last-Modified", "0")], 0, nil),
        ("no freshness information at all", 200, [("Content-Type", "text/html")], 0, nil),
    ]

    @Test("Freshness lifetime follows RFC 9111 §4.2.1 for a private cache", arguments: lifetimes)
    func lifetime(what: String, status: Int, headers: HTTPHeaders, received: Double, expected: Double?) {
        let lifetime = HTTPCachePolicy.freshnessLifetime(
            status: status, responseHeaders: headers, responseTime: F.now.addingTimeInterval(-received), now: F.now)
        #expect(lifetime == expected, "\(what)")
    }

    /// (what, headers, seconds received before now, response delay, expected age)
    static let ages: [(String, HTTPHeaders, Double, Double, Double)] = [
        ("resident time only", [], 100, 0, 100),
        ("Age header plus resident time", [("Age", "50")], 100, 0, 150),
        ("Age is corrected by the response delay", [("Age", "10")], 0, 2, 12),
        ("apparent age from Date", [("Date", F.date(-130))], 100, 0, 130),
        ("the larger of apparent age and corrected Age", [("Date", F.date(-130)), ("Age", "60")], 100, 0, 160),
        ("a Date in the future gives no apparent age", [("Date", F.date(500))], 100, 0, 100),
        ("a negative Age is ignored", [("Age", "-5")], 100, 0, 100),
        ("a non-numeric Age is ignored", [("Age", "ten")], 100, 0, 100),
        ("a list-valued Age counts by its first member", [("Age", "20, 30")], 0, 0, 20),
    ]

    @Test("Current age follows RFC 9111 §4.2.3", arguments: ages)
    func currentAge(what: String, headers: HTTPHeaders, received: Double, delay: Double, expected: Double) {
        let meta = F.stored(headers, age: received, delay: delay)
        let age = HTTPCachePolicy.currentAge(
            responseHeaders: meta.responseHeaders, requestTime: meta.requestTime, responseTime: meta.responseTime,
            now: F.now)
        #expect(age == expected, "\(what)")
    }
}
