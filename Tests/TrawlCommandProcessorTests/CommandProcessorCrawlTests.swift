import Foundation
import Logging
import Testing
import Trawl
import TrawlCommandProcessor
import TrawlCore
import TrawlFetch
import TrawlStore
import TrawlTestSupport

/// The engine driving a command processor: the README's Python example crawling a small site.
@Suite(.timeLimit(.minutes(1)))
struct CommandProcessorCrawlTests {
    @Test("the engine awaits the async processor: items written, links followed, failures counted")
    func crawlWithExample() async throws {
        let server = try TestHTTPServer(routes: [
            "/": .html(#"<html><head><title>Home</title></head><body><a href="/a">A</a> <a href="b">B</a></body></html>"#),
            "/a": .html(#"<title>Page  A</title><a href="/">home</a> <a href="/missing">gone</a>"#),
            "/b": .html("<title>Page B</title>"),
        ])
        let folder = try TemporaryFolder(prefix: "trawl-command-crawl")
        defer { folder.remove(); server.stop() }
        let logger = Logger(label: "trawl.test")
        let processor = try CommandProcessor(
            configuration: CommandProcessorConfiguration(
                arguments: ["python3", CommandScripts.titlesExample], workers: 2, timeout: 20),
            logger: logger)
        let store = try SQLiteCrawlStore(path: folder.path("trawl.sqlite"))
        let fetcher = try CurlFetcher()
        defer { fetcher.shutdown() }
        let crawler = try Crawler(
            configuration: CrawlConfiguration(seeds: [server.url("/")]), fetcher: fetcher, store: store,
            processors: [processor], sink: try JSONLinesWriter(path: folder.path("items.jsonl")), logger: logger)
        let summary = try await crawler.run()
        await processor.shutdown()

        let lines = folder.read("items.jsonl").split(separator: "\n").map(String.init).sorted()
        #expect(lines == [
            #"{"url":"\#(server.url("/"))","title":"Home"}"#,
            #"{"url":"\#(server.url("/a"))","title":"Page A"}"#,
            #"{"url":"\#(server.url("/b"))","title":"Page B"}"#,
        ])
        #expect(summary.statistics.items == 3)
        #expect(summary.statistics.failedByReason == ["http-404": 1])
    }
}
