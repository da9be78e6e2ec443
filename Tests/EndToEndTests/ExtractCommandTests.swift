import Foundation
import Testing
import TrawlTestSupport

/// `trawl extract` with the real binary, over a cache filled by crawling the fixture site.
@Suite(.timeLimit(.minutes(2)))
struct ExtractCommandTests {
    private static let htmlFields = [
        "--extract", "title=//h1", "--extract", #"description=//meta[@name="description"]/@content"#,
    ]

    /// The fixture site crawled into `folder/cache.sqlite`; returns the crawl's item lines.
    private static func fillCache(_ site: FixtureSite, _ folder: TemporaryFolder) async throws -> Set<String> {
        let crawl = try await TrawlProcess.run(
            ["crawl", site.homeURL, "--allow-host", site.allowedHost, "-o", folder.path("crawl.jsonl"), "--quiet",
             "--cache", folder.path("cache.sqlite")] + htmlFields)
        #expect(crawl.status == 0, "\(crawl.stderr)")
        let lines = lines(folder.read("crawl.jsonl"))
        #expect(lines.count == site.expectedItems.count)
        site.resetLogs()
        return lines
    }

    private static func lines(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").map(String.init))
    }

    @Test("with the crawl's seeds and rules, extract writes the crawl's items and sends no request")
    func sameRulesSameItems() async throws {
        let site = try FixtureSite()
        let folder = try TemporaryFolder()
        defer { folder.remove(); site.stop() }
        let crawled = try await Self.fillCache(site, folder)
        let result = try await TrawlProcess.run(
            ["extract", site.homeURL, "--allow-host", site.allowedHost, "-o", folder.path("extract.jsonl"),
             "--cache", folder.path("cache.sqlite")] + Self.htmlFields)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.lines(folder.read("extract.jsonl")) == crawled)
        #expect(site.requestedURLs.isEmpty)
        #expect(result.stderr.contains("Extract finished"))
        #expect(result.stderr.contains("fetched     0 responses"))
        #expect(result.stderr.contains("robots.txt  not read (offline)"))
    }

    @Test("new fields come out of the cache with zero requests to the server")
    func newFieldsOffline() async throws {
        let site = try FixtureSite()
        let folder = try TemporaryFolder()
        defer { folder.remove(); site.stop() }
        _ = try await Self.fillCache(site, folder)
        let result = try await TrawlProcess.run([
            "extract", site.homeURL, "--allow-host", site.allowedHost, "--cache", folder.path("cache.sqlite"),
            "--quiet", "--null-missing", "--extract", "heading=css:h1", "--extract", "absent=//no-such-element",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let items = jsonLines(result.stdout)
        #expect(items.count == site.expectedItems.count)
        for item in items {
            let url = item["url"] as? String ?? ""
            #expect(item["heading"] as? String == site.expectedItems[url]?.title, "\(url)")
            #expect(item["absent"] is NSNull, "\(url)")
            #expect(Array(item.keys).sorted() == ["absent", "heading", "url"])
        }
        #expect(site.requestedURLs.isEmpty)
    }

    @Test("--all gives one item per cached 2xx HTML page; --match keeps only the URLs it matches")
    func allAndMatch() async throws {
        let site = try FixtureSite()
        let folder = try TemporaryFolder()
        defer { folder.remove(); site.stop() }
        let crawled = try await Self.fillCache(site, folder)
        let all = try await TrawlProcess.run(
            ["extract", "--all", "--cache", folder.path("cache.sqlite"), "-o", folder.path("all.jsonl")] + Self.htmlFields)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(Self.lines(folder.read("all.jsonl")) == crawled)
        #expect(all.stderr.contains("items       \(site.expectedItems.count) written"))

        let blogURLs = Set(site.expectedItems.keys.filter { $0.contains("/blog/") })
        #expect(!blogURLs.isEmpty)
        let matched = try await TrawlProcess.run(
            ["extract", "--all", "--match", "/blog/", "--cache", folder.path("cache.sqlite"), "--quiet"] + Self.htmlFields)
        #expect(matched.status == 0, "\(matched.stderr)")
        #expect(Set(jsonLines(matched.stdout).compactMap { $0["url"] as? String }) == blogURLs)
        #expect(site.requestedURLs.isEmpty)
    }

    @Test("a missing cache is bad input: exit 2 and one line")
    func missingCache() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try await TrawlProcess.run(["extract", "--all", "--cache", folder.path("none.sqlite"), "--extract", "t=//h1"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("trawl: "))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.sqlite")))
    }

    @Test("a cache holding nothing gives empty output and exit 0; a seed it lacks counts as not-in-cache")
    func emptyCache() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Port 1 refuses at once: the crawl creates the cache and stores no response.
        let crawl = try await TrawlProcess.run([
            "crawl", "http://127.0.0.1:1/", "--retries", "0", "--ignore-robots", "--quiet",
            "--cache", folder.path("cache.sqlite"),
        ])
        #expect(crawl.status == 0, "\(crawl.stderr)")
        let all = try await TrawlProcess.run(["extract", "--all", "--cache", folder.path("cache.sqlite"), "--extract", "t=//h1"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.isEmpty)
        #expect(all.stderr.contains("0 pages"))
        let seeded = try await TrawlProcess.run(
            ["extract", "http://127.0.0.1:1/", "--cache", folder.path("cache.sqlite"), "--extract", "t=//h1"])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        #expect(seeded.stdout.isEmpty)
        #expect(seeded.stderr.contains("not-in-cache 1"), "\(seeded.stderr)")
    }

    @Test("seeds and --all together, or neither, are refused before the cache is opened")
    func seedsOrAll() async throws {
        let both = try await TrawlProcess.run(["extract", "--all", "http://127.0.0.1:1/", "--cache", "/nonexistent/c.sqlite"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--all"))
        let neither = try await TrawlProcess.run(["extract", "--cache", "/nonexistent/c.sqlite"])
        #expect(neither.status == 2)
    }
}
