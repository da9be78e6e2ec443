import Foundation
import Testing
import Trawl
import TrawlCore
import TrawlHTTPCache
import TrawlTestSupport

/// `--cache-mode http`: RFC 9111 freshness, revalidation and storage against the loopback server,
/// on a hand-moved clock.
@Suite(.timeLimit(.minutes(2)))
struct CrawlerHTTPCacheTests {
    @Test("a fresh response (max-age) is served without a request")
    func freshServed() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "max-age=3600", etag: "\"a\"")])
        defer { site.stop() }
        _ = try await site.crawl(.http)
        site.clock.advance(600)
        let (summary, items, _) = try await site.crawl(.http)
        #expect(site.requests == 1)
        #expect(summary.statistics.cache.servedFromCache == 1)
        #expect(title(of: site.url("/a"), in: items) == "A")
    }

    @Test("a stale response is revalidated with If-None-Match; the 304 keeps the stored body")
    func staleRevalidated() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "max-age=60", etag: "W/\"a1\"")])
        defer { site.stop() }
        _ = try await site.crawl(.http)
        site.clock.advance(120)
        let (summary, items, _) = try await site.crawl(.http)
        #expect(site["/a"].lastRequest?.headers["If-None-Match"] == "W/\"a1\"")
        #expect(site["/a"].notModifiedResponses == 1)
        #expect(summary.statistics.cache.revalidatedUnchanged == 1)
        #expect(summary.statistics.cache.fetched == 0)
        #expect(title(of: site.url("/a"), in: items) == "A")
    }

    @Test("a 304 updates the stored headers and fetch time, so the response is fresh again from then")
    func notModifiedFreshens() async throws {
        let site = try CacheSite([
            "/a": .page(
                "A", cacheControl: "max-age=60", etag: "\"a\"", headers: [("X-Version", "1")],
                notModified: [("Cache-Control", "max-age=3600"), ("X-Version", "2")])
        ])
        defer { site.stop() }
        _ = try await site.crawl(.http)
        site.clock.advance(120)
        _ = try await site.crawl(.http)
        let stored = try #require(try await site.stored("/a"))
        #expect(stored.headers["X-Version"] == "2")
        #expect(stored.headers["Cache-Control"] == "max-age=3600")
        #expect(stored.headers["Content-Type"]?.hasPrefix("text/html") == true, "fields the 304 omits are kept")
        #expect(stored.fetchedAt == site.clock.date)
        #expect(String(decoding: stored.body, as: UTF8.self).contains("<h1>A</h1>"))
        site.clock.advance(1800)
        let (summary, _, _) = try await site.crawl(.http)
        #expect(site["/a"].requests == 2, "fresh for an hour from the 304")
        #expect(summary.statistics.cache.servedFromCache == 1)
    }

    @Test("a stale response with only Last-Modified is revalidated with If-Modified-Since")
    func lastModifiedRevalidation() async throws {
        let lastModified = "Tue, 01 Oct 2024 10:00:00 GMT"
        let site = try CacheSite(["/a": .page("A", cacheControl: "max-age=10", lastModified: lastModified)])
        defer { site.stop() }
        _ = try await site.crawl(.http)
        site.clock.advance(60)
        let (summary, _, _) = try await site.crawl(.http)
        #expect(site["/a"].lastRequest?.headers["If-Modified-Since"] == lastModified)
        #expect(site["/a"].lastRequest?.headers["If-None-Match"] == nil)
        #expect(summary.statistics.cache.revalidatedUnchanged == 1)
    }

    @Test("a stale response that changed on the server is replaced and counted as revalidated changed")
    func staleChanged() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "max-age=60", etag: "\"v1\"")])
        defer { site.stop() }
        _ = try await site.crawl(.http)
        site["/a"].update(.page("A2", cacheControl: "max-age=60", etag: "\"v2\""))
        site.clock.advance(120)
        let (summary, items, _) = try await site.crawl(.http)
        #expect(summary.statistics.cache.revalidatedChanged == 1)
        #expect(title(of: site.url("/a"), in: items) == "A2")
        let stored = try #require(try await site.stored("/a"))
        #expect(stored.headers["ETag"] == "\"v2\"")
    }

    @Test("a stale response without validators is fetched again unconditionally")
    func staleWithoutValidators() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "max-age=60")])
        defer { site.stop() }
        _ = try await site.crawl(.http)
        site.clock.advance(120)
        let (summary, _, _) = try await site.crawl(.http)
        #expect(site["/a"].requests == 2)
        #expect(site["/a"].conditionalRequests == 0)
        #expect(summary.statistics.cache.fetched == 1)
    }

    @Test("no-cache is revalidated on every use, even while fresh")
    func noCacheRevalidated() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "max-age=3600, no-cache", etag: "\"a\"")])
        defer { site.stop() }
        _ = try await site.crawl(.http)
        site.clock.advance(1)
        let (summary, _, _) = try await site.crawl(.http)
        #expect(site["/a"].notModifiedResponses == 1)
        #expect(summary.statistics.cache.revalidatedUnchanged == 1)
    }

    @Test("must-revalidate: served while fresh, revalidated once stale")
    func mustRevalidate() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "max-age=60, must-revalidate", etag: "\"a\"")])
        defer { site.stop() }
        _ = try await site.crawl(.http)
        site.clock.advance(30)
        let (fresh, _, _) = try await site.crawl(.http)
        #expect(fresh.statistics.cache.servedFromCache == 1)
        site.clock.advance(60)
        let (stale, _, _) = try await site.crawl(.http)
        #expect(stale.statistics.cache.revalidatedUnchanged == 1)
        #expect(site["/a"].requests == 2)
    }

    @Test("a no-store response is never stored in http mode")
    func noStore() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "no-store, max-age=3600", etag: "\"a\"")])
        defer { site.stop() }
        let (first, _, _) = try await site.crawl(.http)
        #expect(first.statistics.cache.notStored == 1)
        #expect(try await site.stored("/a") == nil)
        _ = try await site.crawl(.http)
        #expect(site["/a"].requests == 2)
        #expect(site["/a"].conditionalRequests == 0)
    }

    @Test("Expires after Date makes the response fresh until then; Expires before Date makes it stale")
    func expires() async throws {
        let clock = HandClock()
        let fresh = try CacheSite(
            [
                "/future": .page("F", etag: "\"f\"", headers: [("Date", clock.http()), ("Expires", clock.http(3600))]),
                "/past": .page("P", etag: "\"p\"", headers: [("Date", clock.http()), ("Expires", clock.http(-60))]),
                "/zero": .page("Z", etag: "\"z\"", headers: [("Expires", "0")]),
            ], clock: clock)
        defer { fresh.stop() }
        _ = try await fresh.crawl(.http)
        fresh.clock.advance(600)
        let (summary, _, _) = try await fresh.crawl(.http)
        #expect(fresh["/future"].requests == 1)
        #expect(fresh["/past"].notModifiedResponses == 1)
        #expect(fresh["/zero"].notModifiedResponses == 1, "an invalid Expires means already expired")
        #expect(summary.statistics.cache.servedFromCache == 1)
        #expect(summary.statistics.cache.revalidatedUnchanged == 2)
    }

    @Test("Age counts against the freshness lifetime")
    func ageHeader() async throws {
        let site = try CacheSite([
            "/aged": .page("A", cacheControl: "max-age=100", etag: "\"a\"", headers: [("Age", "90")]),
            "/new": .page("N", cacheControl: "max-age=100", etag: "\"n\""),
        ])
        defer { site.stop() }
        _ = try await site.crawl(.http)
        site.clock.advance(20)
        _ = try await site.crawl(.http)
        #expect(site["/aged"].notModifiedResponses == 1, "90 s old on arrival, stale 10 s later")
        #expect(site["/new"].requests == 1)
    }

    @Test("without explicit freshness, Last-Modified gives a heuristic lifetime of a tenth of its age, at most a day")
    func heuristicFreshness() async throws {
        let clock = HandClock()
        let tenDaysAgo = clock.http(-10 * 86_400)
        let page = try CacheSite(["/a": .page("A", lastModified: tenDaysAgo)], clock: clock)
        defer { page.stop() }
        _ = try await page.crawl(.http)
        page.clock.advance(12 * 3600)
        let (fresh, _, _) = try await page.crawl(.http)
        #expect(fresh.statistics.cache.servedFromCache == 1)
        page.clock.advance(13 * 3600)
        let (stale, _, _) = try await page.crawl(.http)
        #expect(stale.statistics.cache.revalidatedUnchanged == 1)
        #expect(page["/a"].lastRequest?.headers["If-Modified-Since"] == tenDaysAgo)
    }

    @Test("Vary on User-Agent matches the crawl's own User-Agent, so the fresh response is served")
    func varyUserAgentMatches() async throws {
        let site = try CacheSite([
            "/a": .page("A", cacheControl: "max-age=3600", headers: [("Vary", "User-Agent, Accept-Encoding")])
        ])
        defer { site.stop() }
        _ = try await site.crawl(.http, userAgent: "TestBot/1")
        #expect(site["/a"].lastRequest?.headers["User-Agent"] == "TestBot/1")
        let (summary, _, _) = try await site.crawl(.http, userAgent: "TestBot/1")
        #expect(site.requests == 1)
        #expect(summary.statistics.cache.servedFromCache == 1)
    }

    @Test("Vary: * is a mismatch: the response is fetched again, not served")
    func varyStar() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "max-age=3600", headers: [("Vary", "*")])])
        defer { site.stop() }
        _ = try await site.crawl(.http)
        let (summary, _, _) = try await site.crawl(.http)
        #expect(site["/a"].requests == 2)
        #expect(summary.statistics.cache.fetched == 1)
    }

    @Test("a redirect without freshness information is followed but not stored in http mode")
    func redirectNotStored() async throws {
        let site = try CacheSite([
            "/old": ConditionalResource.Content(.redirect(to: "/new", status: 302)),
            "/new": .page("N", cacheControl: "max-age=3600"),
        ])
        defer { site.stop() }
        let (first, items, _) = try await site.crawl(.http, paths: ["/old"])
        #expect(first.statistics.cache.notStored == 1)
        #expect(first.statistics.cache.fetched == 2)
        #expect(title(of: site.url("/new"), in: items) == "N")
        #expect(try await site.stored("/old") == nil)
        let (second, _, _) = try await site.crawl(.http, paths: ["/old"])
        #expect(site["/old"].requests == 2)
        #expect(site["/new"].requests == 1)
        #expect(second.statistics.cache.servedFromCache == 1)
    }

    @Test("a mixed crawl counts each kind of cache event exactly")
    func mixedCounters() async throws {
        let site = try CacheSite([
            "/fresh": .page("F", cacheControl: "max-age=3600"),
            "/same": .page("S", cacheControl: "max-age=60", etag: "\"s\""),
            "/changed": .page("C", cacheControl: "max-age=60", etag: "\"c1\""),
            "/secret": .page("X", cacheControl: "no-store"),
        ])
        defer { site.stop() }
        _ = try await site.crawl(.http, paths: ["/fresh", "/same", "/changed", "/secret"])
        site["/changed"].update(.page("C2", cacheControl: "max-age=60", etag: "\"c2\""))
        site.clock.advance(120)
        let (summary, _, _) = try await site.crawl(.http, paths: ["/fresh", "/same", "/changed", "/secret", "/none"])
        let cache = summary.statistics.cache
        #expect(cache.servedFromCache == 1)
        #expect(cache.revalidatedUnchanged == 1)
        #expect(cache.revalidatedChanged == 1)
        #expect(cache.fetched == 2, "/secret again and /none (a 404)")
        #expect(cache.notStored == 1)
        #expect(cache.missed == 0)
        #expect(summary.statistics.fetched == 4)
    }
}
