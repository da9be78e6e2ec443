import Foundation
import Testing
import Trawl
import TrawlCore
import TrawlFrontier
import TrawlHTTPCache
import TrawlTestSupport

/// robots.txt through the same cache policy as pages, and the odd revalidation answers.
@Suite(.timeLimit(.minutes(2)))
struct CrawlerCacheRobotsTests {
    private static func robots(etag: String? = nil, cacheControl: String? = nil) -> ConditionalResource.Content {
        var response = TestResponse.text("User-agent: *\nDisallow: /private\n")
        if let cacheControl { response.headers.add(name: "Cache-Control", value: cacheControl) }
        return ConditionalResource.Content(response, etag: etag)
    }

    @Test("prefer uses a cached robots.txt under a day old and revalidates an older one")
    func preferRobotsDayLimit() async throws {
        let site = try CacheSite(["/robots.txt": Self.robots(etag: "\"r\""), "/a": .page("A")])
        defer { site.stop() }
        _ = try await site.crawl(.prefer, obeyRobots: true)
        site.clock.advance(3600)
        _ = try await site.crawl(.prefer, obeyRobots: true)
        #expect(site["/robots.txt"].requests == 1)
        site.clock.advance(86_400)
        let (summary, _, _) = try await site.crawl(.prefer, obeyRobots: true)
        #expect(site["/robots.txt"].notModifiedResponses == 1)
        #expect(summary.statistics.cache.revalidatedUnchanged == 1)
        #expect(summary.statistics.cache.servedFromCache == 1, "the page")
        #expect(summary.statistics.robotsParsed == 1)
    }

    @Test("prefer with a shorter max-age revalidates robots.txt sooner than a day")
    func preferRobotsMaxAge() async throws {
        let site = try CacheSite(["/robots.txt": Self.robots(etag: "\"r\""), "/a": .page("A")])
        defer { site.stop() }
        _ = try await site.crawl(.prefer, maxAge: .seconds(600), obeyRobots: true)
        site.clock.advance(1200)
        _ = try await site.crawl(.prefer, maxAge: .seconds(600), obeyRobots: true)
        #expect(site["/robots.txt"].notModifiedResponses == 1)
        #expect(site["/a"].notModifiedResponses == 0, "the page has no validator")
        #expect(site["/a"].requests == 2)
    }

    @Test("http mode serves a fresh robots.txt and revalidates a stale one, like a page")
    func httpRobots() async throws {
        let site = try CacheSite([
            "/robots.txt": Self.robots(etag: "\"r\"", cacheControl: "max-age=600"),
            "/a": .page("A", cacheControl: "max-age=3600"), "/private": .page("P"),
        ])
        defer { site.stop() }
        _ = try await site.crawl(.http, obeyRobots: true)
        site.clock.advance(300)
        let (fresh, _, _) = try await site.crawl(.http, obeyRobots: true)
        #expect(site["/robots.txt"].requests == 1)
        #expect(fresh.statistics.blockedByRobots == 1)
        site.clock.advance(600)
        _ = try await site.crawl(.http, obeyRobots: true)
        #expect(site["/robots.txt"].notModifiedResponses == 1)
        #expect(site["/private"].requests == 0)
    }

    @Test("a 304 naming another ETag does not describe the stored page: it is fetched again unconditionally")
    func notModifiedWithOtherETag() async throws {
        let page = "<html><body><h1>%@</h1></body></html>"
        let script = ResponseSequence(
            [
                TestResponse.html(page.replacingOccurrences(of: "%@", with: "V1"))
                    .adding(header: "ETag", value: "\"v1\"").adding(header: "Cache-Control", value: "max-age=0"),
                TestResponse(status: 304, headers: [("ETag", "\"v2\"")]),
            ],
            then: TestResponse.html(page.replacingOccurrences(of: "%@", with: "V2")).adding(header: "ETag", value: "\"v2\""))
        let log = ConditionalResource(ConditionalResource.Content(.notFound))
        let server = try TestHTTPServer { request in
            _ = log.respond(request)
            return request.target == "/a" ? script.next() : .notFound
        }
        let harness = try CrawlHarness()
        defer { server.stop(); harness.removeCache() }
        var configuration = CrawlConfiguration(
            seeds: [server.url("/a")], politeness: SchedulerPolicy(obeyRobots: false, adaptive: false))
        configuration.cachePolicy = HTTPCachePolicy(mode: .http)
        _ = try await harness.crawl(configuration)
        let (summary, items) = try await harness.crawl(configuration)
        #expect(script.served == 3)
        #expect(log.conditionalRequests == 1, "the refetch after the odd 304 is unconditional")
        #expect(summary.statistics.cache.revalidatedUnchanged == 0)
        #expect(summary.statistics.cache.fetched == 1)
        #expect(title(of: server.url("/a"), in: items) == "V2")
    }

    @Test("network responses are stamped with the engine's clock, which cache ages are measured on")
    func fetchTimeFromInjectedClock() async throws {
        let site = try CacheSite(["/a": .page("A")])
        defer { site.stop() }
        site.clock.advance(-1000 * 86_400)
        _ = try await site.crawl(.prefer)
        let stored = try #require(try await site.stored("/a"))
        #expect(stored.fetchedAt == site.clock.date)
    }
}
