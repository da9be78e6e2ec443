import Foundation
import Testing
import TrawlTestSupport

/// `-o` and `--format`: CSV, one JSON array, or JSON lines, checked by parsing what the real binary wrote.
@Suite(.timeLimit(.minutes(2)))
struct OutputFormatTests {
    private static let htmlFields = [
        "--extract", "title=//h1", "--extract", #"description=//meta[@name="description"]/@content"#,
    ]

    /// Parses a JSON array of objects; nil when the text is not one.
    private func jsonArray(_ text: String) -> [[String: Any]]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]]
    }

    @Test("-o items.csv writes RFC 4180 CSV: the header url,title,description, then one row per item")
    func csvFile() async throws {
        let site = try FixtureSite()
        let folder = try TemporaryFolder()
        defer { folder.remove(); site.stop() }
        let result = try await TrawlProcess.run([
            "crawl", site.homeURL, "--allow-host", site.allowedHost, "-o", folder.path("items.csv"), "--quiet",
            "--cache", folder.path("c.sqlite"),
        ] + Self.htmlFields)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let records = try CSVReader.records(in: folder.read("items.csv"))
        #expect(records.first == ["url", "title", "description"])
        let rows = records.dropFirst()
        #expect(rows.count == site.expectedItems.count)
        for row in rows {
            try #require(row.count == 3)
            let expected = site.expectedItems[row[0]]
            #expect(row[1] == expected?.title, "\(row[0])")
            #expect(row[2] == expected?.description, "\(row[0])")
        }
    }

    @Test("-o items.json writes one JSON array holding every item")
    func jsonFile() async throws {
        let site = try FixtureSite()
        let folder = try TemporaryFolder()
        defer { folder.remove(); site.stop() }
        let result = try await TrawlProcess.run([
            "crawl", site.homeURL, "--allow-host", site.allowedHost, "-o", folder.path("items.json"), "--quiet",
            "--cache", folder.path("c.sqlite"),
        ] + Self.htmlFields)
        #expect(result.status == 0, "\(result.stderr)")
        let items = try #require(jsonArray(folder.read("items.json")), "\(folder.read("items.json"))")
        #expect(items.count == site.expectedItems.count)
        for item in items {
            let url = item["url"] as? String ?? ""
            #expect(item["title"] as? String == site.expectedItems[url]?.title, "\(url)")
            #expect(Array(item.keys).sorted() == ["description", "title", "url"])
        }
    }

    @Test("--format csv -o - writes CSV on stdout, numbers as their JSON text")
    func csvToStdout() async throws {
        let api = try PokemonAPIFixture()
        let folder = try TemporaryFolder()
        defer { folder.remove(); api.stop() }
        let result = try await TrawlProcess.run([
            "crawl", api.baseURL + "/api/v2/pokemon/[1-12]", "--format", "csv", "-o", "-", "--quiet",
            "--cache", folder.path("c.sqlite"), "--extract", "name=$.name", "--extract", "height=$.height",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try CSVReader.records(in: result.stdout)
        #expect(records.first == ["url", "name", "height"])
        #expect(records.count == 13)
        let heights = Dictionary(uniqueKeysWithValues: records.dropFirst().map { ($0[1], $0[2]) })
        for pokemon in PokemonAPIFixture.pokemon {
            #expect(heights[pokemon.name] == String(pokemon.height), "\(pokemon.name)")
        }
    }

    @Test("--format overrides the extension, and an empty crawl still gives a CSV header or []")
    func overrideAndEmpty() async throws {
        let server = try TestHTTPServer(routes: ["/": .html("<h1>hi</h1>")])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let missing = server.url("/missing")
        for (name, format, expected) in [("a.txt", "json", "[]\n"), ("b.json", "csv", "url,title\r\n"), ("c.csv", "jsonl", "")] {
            let result = try await TrawlProcess.run([
                "crawl", missing, "--format", format, "-o", folder.path(name), "--quiet",
                "--cache", folder.path("c.sqlite"), "--extract", "title=//h1",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(folder.read(name) == expected, "\(name) as \(format)")
        }
        let found = try await TrawlProcess.run([
            "crawl", server.url("/"), "--format", "JSON", "-o", folder.path("d.csv"), "--quiet",
            "--cache", folder.path("d.sqlite"), "--extract", "title=//h1",
        ])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(jsonArray(folder.read("d.csv"))?.first?["title"] as? String == "hi")
    }

    @Test("an unknown --format fails with one line and exit 2 before any fetch or output file")
    func unknownFormat() async throws {
        let server = try TestHTTPServer(routes: ["/": .html("<h1>hi</h1>")])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let result = try await TrawlProcess.run([
            "crawl", server.url("/"), "--format", "xml", "-o", folder.path("o.xml"), "--cache", folder.path("c.sqlite"),
        ])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("trawl: "))
        #expect(result.stderr.contains("--format 'xml'"), "\(result.stderr)")
        #expect(result.stderr.contains("jsonl, csv or json"), "\(result.stderr)")
        #expect(server.requestCount == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path("o.xml")))
    }

    @Test("Ctrl-C during a crawl to items.json still leaves a valid JSON array")
    func interruptedJSONArray() async throws {
        let pages = 60
        let trigger = InterruptTrigger(after: 10)
        let server = try TestHTTPServer.interruptibleHub(pages: pages, pageDelay: 0.1, trigger: trigger)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let running = try TrawlProcess.start([
            "crawl", server.url("/"), "--per-host", "2", "-o", folder.path("items.json"),
            "--cache", folder.path("c.sqlite"), "--extract", "title=//h1",
        ])
        trigger.arm(running)
        let stopped = await running.result(timeout: 30)
        #expect(stopped.status == 130, "\(stopped.stderr)")
        let text = folder.read("items.json")
        let items = try #require(jsonArray(text), "\(text)")
        #expect(items.count >= 1)
        #expect(items.count < pages + 1, "the crawl should have been cut short")
        #expect(items.allSatisfy { $0["title"] is String })
    }
}
