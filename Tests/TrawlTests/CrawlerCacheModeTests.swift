import Foundation
import Testing
import Trawl
import TrawlCore
import TrawlHTTPCache
import TrawlTestSupport

/// `--cache-mode prefer`, `refresh` and `offline` and `--max-age`, against the loopback server,
/// on a hand-moved clock.
@Suite(.timeLimit(.minutes(2)))
struct CrawlerCacheModeTests {
    private static let day: Double = 86_400

    // MARK: prefer

    @Test("prefer serves a stored response whatever its age, even one the server said expires in a minute")
    func preferServesAnyAge() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "max-age=60", etag: "\"a1\"")])
        defer { site.stop() }
        _ = try await site.crawl(.prefer)
        site.clock.advance(30 * Self.day)
        let (summary, items, _) = try await site.crawl(.prefer)
        #expect(site.requests == 1)
        #expect(summary.statistics.cache.servedFromCache == 1)
        #expect(summary.statistics.fetched == 0)
        #expect(title(of: site.url("/a"), in: items) == "A")
    }

    @Test("prefer with max-age revalidates an older entry that has an ETag; the 304 keeps the body")
    func preferMaxAgeRevalidates() async throws {
        let site = try CacheSite(["/a": .page("A", etag: "\"a1\"")])
        defer { site.stop() }
        _ = try await site.crawl(.prefer, maxAge: .seconds(7 * Self.day))
        site.clock.advance(8 * Self.day)
        let (summary, items, _) = try await site.crawl(.prefer, maxAge: .seconds(7 * Self.day))
        #expect(site["/a"].conditionalRequests == 1)
        #expect(site["/a"].lastRequest?.headers["If-None-Match"] == "\"a1\"")
        #expect(summary.statistics.cache.revalidatedUnchanged == 1)
        #expect(title(of: site.url("/a"), in: items) == "A")
    }

    @Test("prefer with max-age fetches an older entry without validators again, unconditionally")
    func preferMaxAgeRefetches() async throws {
        let site = try CacheSite(["/a": .page("A")])
        defer { site.stop() }
        _ = try await site.crawl(.prefer, maxAge: .seconds(3600))
        site["/a"].update(.page("A2"))
        site.clock.advance(2 * 3600)
        let (summary, items, _) = try await site.crawl(.prefer, maxAge: .seconds(3600))
        #expect(site["/a"].requests == 2)
        #expect(site["/a"].conditionalRequests == 0)
        #expect(summary.statistics.cache.fetched == 1)
        #expect(title(of: site.url("/a"), in: items) == "A2")
    }

    @Test("prefer with max-age serves an entry younger than max-age")
    func preferMaxAgeServesYounger() async throws {
        let site = try CacheSite(["/a": .page("A", etag: "\"a1\"")])
        defer { site.stop() }
        _ = try await site.crawl(.prefer, maxAge: .seconds(3600))
        site.clock.advance(3000)
        let (summary, _, _) = try await site.crawl(.prefer, maxAge: .seconds(3600))
        #expect(site.requests == 1)
        #expect(summary.statistics.cache.servedFromCache == 1)
    }

    @Test("prefer does not store a no-store response: the next crawl asks again and counts it as not stored")
    func preferNoStore() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "no-store")])
        defer { site.stop() }
        let (first, _, _) = try await site.crawl(.prefer)
        #expect(first.statistics.cache.notStored == 1)
        #expect(try await site.stored("/a") == nil)
        let (second, items, _) = try await site.crawl(.prefer)
        #expect(site.requests == 2)
        #expect(second.statistics.cache.fetched == 1)
        #expect(second.statistics.cache.notStored == 1)
        #expect(title(of: site.url("/a"), in: items) == "A")
    }

    @Test("Vary: * is never served from the cache, not even in prefer mode")
    func varyStarNeverServed() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "max-age=3600", headers: [("Vary", "*")])])
        defer { site.stop() }
        _ = try await site.crawl(.prefer)
        let (summary, _, _) = try await site.crawl(.prefer)
        #expect(site.requests == 2)
        #expect(summary.statistics.cache.fetched == 1)
        #expect(summary.statistics.cache.servedFromCache == 0)
    }

    // MARK: refresh

    @Test("refresh revalidates every stored page that has a validator, fresh or not")
    func refreshRevalidatesFresh() async throws {
        let site = try CacheSite([
            "/a": .page("A", cacheControl: "max-age=3600", etag: "\"a\""),
            "/b": .page("B", cacheControl: "max-age=3600", lastModified: "Mon, 01 Jan 2024 00:00:00 GMT"),
            "/c": .page("C", cacheControl: "max-age=3600", etag: "\"c\""),
        ])
        defer { site.stop() }
        _ = try await site.crawl(.http)
        site.clock.advance(1)
        let (summary, items, _) = try await site.crawl(.refresh)
        #expect(site["/a"].notModifiedResponses == 1)
        #expect(site["/b"].lastRequest?.headers["If-Modified-Since"] == "Mon, 01 Jan 2024 00:00:00 GMT")
        #expect(site["/b"].notModifiedResponses == 1)
        #expect(site["/c"].notModifiedResponses == 1)
        #expect(summary.statistics.cache.revalidatedUnchanged == 3)
        #expect(summary.statistics.cache.servedFromCache == 0)
        #expect(items.count == 3)
    }

    @Test("refresh fetches a stored page without validators again, unconditionally")
    func refreshWithoutValidators() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "max-age=3600")])
        defer { site.stop() }
        _ = try await site.crawl(.refresh)
        let (summary, _, _) = try await site.crawl(.refresh)
        #expect(site["/a"].requests == 2)
        #expect(site["/a"].conditionalRequests == 0)
        #expect(summary.statistics.cache.fetched == 1)
    }

    @Test("refresh replaces a page that changed on the server and counts it as revalidated changed")
    func refreshChanged() async throws {
        let site = try CacheSite(["/a": .page("A", etag: "\"v1\"")])
        defer { site.stop() }
        _ = try await site.crawl(.refresh)
        site["/a"].update(.page("A2", etag: "\"v2\""))
        let (summary, items, _) = try await site.crawl(.refresh)
        #expect(summary.statistics.cache.revalidatedChanged == 1)
        #expect(title(of: site.url("/a"), in: items) == "A2")
        let (offline, offlineItems, _) = try await site.crawl(.offline)
        #expect(offline.statistics.cache.servedFromCache == 1)
        #expect(title(of: site.url("/a"), in: offlineItems) == "A2", "the new body was stored")
    }

    // MARK: offline

    @Test("offline serves stored pages whatever their age and never touches the network")
    func offlineServesStale() async throws {
        let site = try CacheSite([
            "/a": .page("A", cacheControl: "max-age=60", etag: "\"a\""), "/b": .page("B"),
        ])
        defer { site.stop() }
        _ = try await site.crawl(.prefer)
        site.clock.advance(365 * Self.day)
        let (summary, items, _) = try await site.crawl(.offline)
        #expect(site.requests == 2)
        #expect(summary.statistics.cache.servedFromCache == 2)
        #expect(summary.statistics.fetched == 0)
        #expect(items.count == 2)
    }

    @Test("offline records a page not in the cache as not-in-cache and goes on with the others")
    func offlineMiss() async throws {
        let site = try CacheSite(["/a": .page("A"), "/b": .page("B")])
        defer { site.stop() }
        _ = try await site.crawl(.prefer, paths: ["/a"])
        let (summary, items, failures) = try await site.crawl(.offline)
        #expect(site.requests == 1, "only the first crawl's request")
        #expect(failures[site.url("/b")]?.code == .notInCache)
        #expect(summary.statistics.failedByReason["not-in-cache"] == 1)
        #expect(summary.statistics.cache.missed == 1)
        #expect(summary.statistics.cache.servedFromCache == 1)
        #expect(title(of: site.url("/a"), in: items) == "A")
    }

    @Test("offline treats a stale must-revalidate response as not in the cache")
    func offlineMustRevalidate() async throws {
        let site = try CacheSite(["/a": .page("A", cacheControl: "max-age=60, must-revalidate")])
        defer { site.stop() }
        _ = try await site.crawl(.prefer)
        site.clock.advance(120)
        let (summary, _, failures) = try await site.crawl(.offline)
        #expect(site.requests == 1)
        #expect(failures[site.url("/a")]?.code == .notInCache)
        #expect(summary.statistics.cache.missed == 1)
    }

    @Test("offline obeys a cached robots.txt whatever its age, without requesting anything")
    func offlineCachedRobots() async throws {
        let site = try CacheSite([
            "/robots.txt": ConditionalResource.Content(.text("User-agent: *\nDisallow: /private\n")),
            "/a": .page("A"), "/private": .page("P"),
        ])
        defer { site.stop() }
        _ = try await site.crawl(.prefer, paths: ["/a"], obeyRobots: true)
        let before = site.requests
        site.clock.advance(30 * Self.day)
        let (summary, items, _) = try await site.crawl(.offline, paths: ["/a", "/private"], obeyRobots: true)
        #expect(site.requests == before)
        #expect(summary.statistics.robotsParsed == 1)
        #expect(summary.statistics.blockedByRobots == 1)
        #expect(title(of: site.url("/a"), in: items) == "A")
    }

    @Test("offline without a cached robots.txt allows everything: cached pages are served, nothing requested")
    func offlineMissingRobots() async throws {
        let site = try CacheSite(["/a": .page("A"), "/b": .page("B")])
        defer { site.stop() }
        _ = try await site.crawl(.prefer, paths: ["/a"])
        let (summary, items, failures) = try await site.crawl(.offline, obeyRobots: true)
        #expect(site.requests == 1)
        #expect(summary.statistics.blockedByRobots == 0)
        #expect(title(of: site.url("/a"), in: items) == "A")
        #expect(failures[site.url("/b")]?.code == .notInCache)
        #expect(summary.statistics.cache.missed == 2, "robots.txt and /b")
    }
}
