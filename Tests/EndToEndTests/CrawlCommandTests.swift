import Foundation
import Testing
import TrawlTestSupport

/// The real `trawl` binary against the in-process fixture servers.
@Suite(.timeLimit(.minutes(2)))
struct CrawlCommandTests {
    private static let htmlFields = [
        "--extract", "title=//h1", "--extract", #"description=//meta[@name="description"]/@content"#,
    ]

    @Test("crawls the fixture site: exact items in the file, a summary on stderr, exit 0; the second run fetches nothing")
    func crawlTwice() async throws {
        let site = try FixtureSite()
        let folder = try TemporaryFolder()
        defer { folder.remove(); site.stop() }
        let arguments = ["crawl", site.homeURL, "--allow-host", site.allowedHost, "-o", folder.path("items.jsonl"),
                         "--cache", folder.path("cache/trawl.sqlite")] + Self.htmlFields
        let first = try await TrawlProcess.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty)
        #expect(first.stderr.contains("Crawl finished"))
        #expect(first.stderr.contains("fetched     \(site.expectedRequests.count + 2) responses"), "pages plus robots.txt of hosts A and B")
        let items = jsonLines(folder.read("items.jsonl"))
        #expect(items.count == site.expectedItems.count)
        for item in items {
            let url = item["url"] as? String ?? ""
            #expect(item["title"] as? String == site.expectedItems[url]?.title, "\(url)")
            #expect(item["description"] as? String == site.expectedItems[url]?.description, "\(url)")
            #expect(Array(item.keys).sorted() == ["description", "title", "url"])
        }
        #expect(Set(site.requestedPages) == site.expectedRequests)
        #expect(site.forbiddenHostRequests == 0)

        site.resetLogs()
        try Data().write(to: URL(fileURLWithPath: folder.path("items.jsonl")))
        let second = try await TrawlProcess.run(arguments)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(site.requestedURLs.isEmpty, "a finished job fetches nothing")
        #expect(second.stderr.contains("is finished"), "\(second.stderr)")
        #expect(jsonLines(folder.read("items.jsonl")).count == site.expectedItems.count, "the items written again from the job")

        let replay = try await TrawlProcess.run(arguments + ["--fresh"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(site.requestedURLs.isEmpty, "a new job is served from the cache")
        #expect(replay.stderr.contains("fetched     0 responses"), "\(replay.stderr)")
        #expect(jsonLines(folder.read("items.jsonl")).count == site.expectedItems.count)
    }

    @Test("a JSON API crawled from a glob, items on stdout with JSON types kept; --quiet prints nothing on stderr")
    func jsonGlobToStdout() async throws {
        let api = try PokemonAPIFixture()
        let folder = try TemporaryFolder()
        defer { folder.remove(); api.stop() }
        let result = try await TrawlProcess.run([
            "crawl", api.baseURL + "/api/v2/pokemon/[1-12]", "-o", "-", "--quiet",
            "--cache", folder.path("c.sqlite"), "--extract", "name=$.name", "--extract", "height=$.height",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let items = jsonLines(result.stdout)
        #expect(items.count == 12)
        let byName = Dictionary(uniqueKeysWithValues: items.compactMap { item in
            (item["name"] as? String).map { ($0, item) }
        })
        for pokemon in PokemonAPIFixture.pokemon {
            #expect(byName[pokemon.name]?["height"] as? Int == pokemon.height)
        }
        #expect(result.stdout.contains(#""height":7}"#))
        #expect(api.server.requestCount == 12 + 1, "the pages and robots.txt once")
        #expect(api.server.requestCount(for: "/robots.txt") == 1)
    }

    @Test("--follow crawls the URLs a JSONPath selects; --seeds reads a file with comments")
    func followAndSeedsFile() async throws {
        let api = try PokemonAPIFixture()
        let folder = try TemporaryFolder()
        defer { folder.remove(); api.stop() }
        try "# the index\n\n\(api.indexURL)\n".write(toFile: folder.path("seeds.txt"), atomically: true, encoding: .utf8)
        let result = try await TrawlProcess.run([
            "crawl", "--seeds", folder.path("seeds.txt"), "-o", folder.path("out.jsonl"), "--quiet",
            "--cache", folder.path("c.sqlite"), "--extract", "name=$.name",
            "--follow", "$.next", "--follow", "$.results[*].url",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let names = Set(jsonLines(folder.read("out.jsonl")).compactMap { $0["name"] as? String })
        #expect(names == Set(PokemonAPIFixture.pokemon.map(\.name)))
    }

    @Test("--max-pages and --max-depth bound the crawl")
    func limits() async throws {
        let site = try FixtureSite()
        let folder = try TemporaryFolder()
        defer { folder.remove(); site.stop() }
        let result = try await TrawlProcess.run([
            "crawl", site.homeURL, "--max-depth", "0", "-o", folder.path("o.jsonl"),
            "--cache", folder.path("c.sqlite"), "--extract", "title=//h1",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(site.requestedPages == [site.homeURL])
        let paged = try await TrawlProcess.run([
            "crawl", site.homeURL, "--max-pages", "3", "-o", folder.path("p.jsonl"),
            "--cache", folder.path("d.sqlite"), "--extract", "title=//h1",
        ])
        #expect(paged.status == 0, "\(paged.stderr)")
        #expect(paged.stderr.contains(": 3 pages"))
    }
}
