import Foundation
import Logging
import Testing
import Trawl
import TrawlCore
import TrawlFetch
import TrawlFrontier
import TrawlHTMLProcessor
import TrawlJSONPath
import TrawlJSONProcessor
import TrawlStore
import TrawlTestSupport
import TrawlXML

/// Runs real crawls for engine tests: the real fetcher, a real SQLite cache in a temporary
/// folder, the real processors, and items collected in memory.
struct CrawlHarness {
    let folder: TemporaryFolder
    var cachePath: String { folder.path("trawl.sqlite") }

    init() throws {
        folder = try TemporaryFolder(prefix: "trawl-engine")
    }

    func removeCache() {
        folder.remove()
    }

    /// How much closer than a delay two requests may look in a server's log: it stamps a request
    /// once its connection thread has read it, and on a loaded machine (two cores, the whole suite
    /// in parallel) that thread, or the client's fetch thread, can run late (up to ~110 ms seen).
    /// Without a delay, requests are milliseconds apart, so 0.8 s − 0.3 s still proves one.
    static let schedulingNoise = 0.3

    static let titleAndDescription: [HTMLField] = {
        do {
            return [
                HTMLField(name: "title", expression: try XPathExpression("//h1")),
                HTMLField(
                    name: "description",
                    expression: try XPathExpression(#"//meta[@name="description"]/@content"#)),
            ]
        } catch {
            return []
        }
    }()

    /// Crawls `configuration` once and returns the summary and the items.
    func crawl(
        _ configuration: CrawlConfiguration, htmlFields: [HTMLField] = titleAndDescription,
        jsonFields: [JSONField] = [], follow: [JSONPathQuery] = [],
        fetch: FetchConfiguration = FetchConfiguration(), processors: [any Processor]? = nil
    ) async throws -> (summary: CrawlSummary, items: [Item]) {
        let report = try await crawlRecordingFailures(
            configuration, htmlFields: htmlFields, jsonFields: jsonFields, follow: follow, fetch: fetch,
            processors: processors)
        return (report.summary, report.items)
    }

    /// Crawls `configuration` once and returns the summary, the items and the failures recorded
    /// in the store, by canonical URL.
    func crawlRecordingFailures(
        _ configuration: CrawlConfiguration, htmlFields: [HTMLField] = titleAndDescription,
        jsonFields: [JSONField] = [], follow: [JSONPathQuery] = [],
        fetch: FetchConfiguration = FetchConfiguration(), processors: [any Processor]? = nil
    ) async throws -> (summary: CrawlSummary, items: [Item], failures: [String: FailureReason]) {
        let store = FailureRecordingStore(try SQLiteCrawlStore(path: cachePath))
        let fetcher = try CurlFetcher(configuration: fetch)
        defer { fetcher.shutdown() }
        let sink = CollectingItemSink()
        let crawler = try Crawler(
            configuration: configuration, fetcher: fetcher, store: store,
            processors: processors ?? [
                HTMLProcessor(fields: htmlFields, followLinks: true),
                JSONProcessor(fields: jsonFields, follow: follow),
            ],
            sink: sink, logger: Logger(label: "trawl.test"))
        let summary = try await crawler.run()
        #expect(await sink.closed)
        let items = await sink.items
        return (summary, items, store.failures)
    }
}
