import Foundation
import Testing
import Trawl
import TrawlCore
import TrawlTestSupport

@Suite(.timeLimit(.minutes(2)))
struct CrawlerFixtureSiteTests {
    @Test("a crawl requests exactly the expected URLs, once each, and never the out-of-scope host")
    func exactRequestSet() async throws {
        let site = try FixtureSite()
        let harness = try CrawlHarness()
        defer { harness.removeCache(); site.stop() }
        let (summary, _) = try await harness.crawl(
            CrawlConfiguration(seeds: [site.homeURL], allowedHosts: [site.allowedHost]))
        let requested = site.requestedPages
        #expect(Set(requested) == site.expectedRequests)
        #expect(requested.count == Set(requested).count, "a URL was requested twice")
        #expect(site.forbiddenHostRequests == 0)
        #expect(site.robotsRequests.count == 2 && site.robotsRequests.values.allSatisfy { $0 == 1 },
            "robots.txt once per crawled host: \(site.robotsRequests)")
        #expect(summary.statistics.fetched == site.expectedRequests.count + 2)
        #expect(summary.statistics.fromCache == 0)
    }

    @Test("a crawl writes exactly the expected items: one per 200 HTML page, keyed by final URL")
    func exactItems() async throws {
        let site = try FixtureSite()
        let harness = try CrawlHarness()
        defer { harness.removeCache(); site.stop() }
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(seeds: [site.homeURL], allowedHosts: [site.allowedHost]))
        #expect(items.count == site.expectedItems.count)
        #expect(Set(items.map(\.url)) == Set(site.expectedItems.keys))
        for item in items {
            guard let expected = site.expectedItems[item.url] else { continue }
            #expect(item.fields.first { $0.name == "title" }?.value == .string(expected.title), "\(item.url)")
            #expect(
                item.fields.first { $0.name == "description" }?.value == .string(expected.description),
                "\(item.url)")
        }
        #expect(summary.statistics.items == items.count)
        let failures = summary.statistics.failedByReason
        #expect(failures["http-404"] == site.expectedStatuses.values.filter { $0 == 404 }.count)
        #expect(failures["redirect-loop"] == 1)
        #expect(failures["unsupported-scheme"] == 1)
        #expect(failures["redirect-out-of-scope"] == 1)
    }

    @Test("a second run is served entirely from the cache: the servers see zero requests")
    func secondRunFromCache() async throws {
        let site = try FixtureSite()
        let harness = try CrawlHarness()
        defer { harness.removeCache(); site.stop() }
        let configuration = CrawlConfiguration(seeds: [site.homeURL], allowedHosts: [site.allowedHost])
        let first = try await harness.crawl(configuration)
        site.resetLogs()
        let second = try await harness.crawl(configuration)
        #expect(site.requestedURLs == [])
        #expect(second.summary.statistics.fetched == 0)
        #expect(second.summary.statistics.fromCache == site.expectedRequests.count + 2, "pages and two robots.txt")
        #expect(Set(second.items.map(\.jsonLine)) == Set(first.items.map(\.jsonLine)))
        #expect(second.summary.statistics.failedByReason == first.summary.statistics.failedByReason)
    }

    @Test("max-pages stops handing out pages; max-depth 0 fetches only the seed")
    func limits() async throws {
        let site = try FixtureSite()
        let harness = try CrawlHarness()
        defer { harness.removeCache(); site.stop() }
        let limited = try await harness.crawl(
            CrawlConfiguration(
                seeds: [site.homeURL], allowedHosts: [site.allowedHost],
                limits: .init(maxPages: 5)))
        #expect(limited.summary.statistics.pagesDone == 5)
        #expect(limited.summary.stopped)
        site.resetLogs()
        let fresh = try CrawlHarness()
        defer { fresh.removeCache() }
        let shallow = try await fresh.crawl(
            CrawlConfiguration(seeds: [site.homeURL], limits: .init(maxDepth: 0)))
        #expect(site.requestedPages == [site.homeURL])
        #expect(shallow.items.count == 1)
    }
}
