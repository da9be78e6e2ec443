import Foundation
import Testing
import TrawlTestSupport

/// `trawl cache stats`, `ls` and `show`, the real binary, on a cache a real crawl filled.
@Suite(.timeLimit(.minutes(2)))
struct CacheCommandTests {
    @Test("stats counts entries, hosts, statuses and bytes; --json has the stable keys")
    func stats() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        let json = try await fixture.cache(["stats", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(jsonLines(json.stdout).first)
        #expect(object["entries"] as? Int == 6)
        #expect(object["hosts"] as? Int == 2)
        #expect(object["statuses"] as? [String: Int] == ["200": 5, "404": 1])
        let rawBytes = fixture.expected.values.reduce(0) { $0 + $1.body.utf8.count }
        #expect(object["raw_bytes"] as? Int == rawBytes)
        #expect(object["unique_bodies"] as? Int == 6)
        #expect((object["packs"] as? Int ?? 0) >= 1)
        #expect((object["stored_bytes"] as? Int ?? 0) > 0)
        #expect(object["ratio"] as? Double != nil)
        let oldest = try #require(object["oldest_fetch"] as? String)
        let newest = try #require(object["newest_fetch"] as? String)
        #expect(oldest <= newest && oldest.hasSuffix("Z"))

        let text = try await fixture.cache(["stats"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("entries       6\n"))
        #expect(text.stdout.contains("statuses      200: 5, 404: 1\n"))
    }

    @Test("ls prints URL, status, size and fetch time per entry in URL order; --host, --status and --match filter")
    func list() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        let all = try await fixture.cache(["ls"])
        #expect(all.status == 0, "\(all.stderr)")
        let rows = outputLines(all.stdout).map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.map { $0[0] } == fixture.expected.keys.sorted())
        for row in rows {
            let expected = try #require(fixture.expected[row[0]])
            #expect(row.count == 4)
            #expect(row[1] == "\(expected.status)")
            #expect(row[2] == "\(expected.body.utf8.count)")
            #expect(row[3].hasSuffix("Z"))
        }

        let host = try await fixture.cache(["ls", "--host", "127.0.0.2"])
        #expect(outputLines(host.stdout).map { $0.prefix { $0 != "\t" } } == [Substring(fixture.second.url("/b.json"))])
        let status = try await fixture.cache(["ls", "--status", "404"])
        #expect(outputLines(status.stdout).count == 1 && status.stdout.hasPrefix(fixture.first.url("/missing") + "\t404\t"))
        let match = try await fixture.cache(["ls", "--match", #"/(a\.html|gz)$"#, "--host", "127.0.0.1"])
        #expect(outputLines(match.stdout).map { String($0.prefix { $0 != "\t" }) } == [fixture.first.url("/a.html"), fixture.first.url("/gz")])
        let none = try await fixture.cache(["ls", "--host", "elsewhere.test"])
        #expect(none.status == 0 && none.stdout.isEmpty)
    }

    @Test("ls --json prints one object per entry with url, final_url, host, status, size and fetched_at")
    func listJSON() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        let result = try await fixture.cache(["ls", "--json", "--status", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = jsonLines(result.stdout)
        #expect(objects.count == 5 && outputLines(result.stdout).count == 5)
        for object in objects {
            let url = try #require(object["url"] as? String)
            #expect(object["final_url"] as? String == url)
            #expect(object["status"] as? Int == 200)
            #expect(object["size"] as? Int == fixture.expected[url]?.body.utf8.count)
            #expect(object["host"] as? String == (url.contains("127.0.0.2") ? "127.0.0.2" : "127.0.0.1"))
            #expect((object["fetched_at"] as? String)?.hasSuffix("Z") == true)
        }
    }

    @Test("show prints the status line, stored headers, a blank line and the body; --headers and --body print one part")
    func show() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        let url = fixture.first.url("/a.html")
        let full = try await fixture.cache(["show", url])
        #expect(full.status == 0, "\(full.stderr)")
        #expect(full.stdout.hasPrefix("HTTP/1.1 200 OK\n"))
        #expect(full.stdout.contains("\nContent-Type: text/html; charset=utf-8\n"))
        #expect(full.stdout.hasSuffix("\n\n" + CacheFixture.pageHTML))

        let headers = try await fixture.cache(["show", url, "--headers"])
        #expect(headers.stdout.hasPrefix("HTTP/1.1 200 OK\n") && !headers.stdout.contains("<h1>"))
        #expect(full.stdout == headers.stdout + "\n" + CacheFixture.pageHTML)

        let odd = try await fixture.cache(["show", fixture.first.url("/odd"), "--body"])
        #expect(odd.stdout == CacheFixture.oddBody)
        let gz = try await fixture.cache(["show", fixture.first.url("/gz"), "--body"])
        #expect(gz.stdout == TestResponse.gzippedHTMLSampleDecoded, "the body is stored decoded")
        let missing = try await fixture.cache(["show", fixture.first.url("/missing"), "--headers"])
        #expect(missing.status == 0 && missing.stdout.hasPrefix("HTTP/1.1 404 Not Found\n"))
    }

    @Test("show canonicalises the URL as the crawler does: scheme and host case, fragment")
    func showCanonical() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        let shouted = "HTTP://127.0.0.1:\(fixture.first.port)/a.html#top"
        let result = try await fixture.cache(["show", shouted, "--body"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == CacheFixture.pageHTML)
    }

    @Test("show of an uncached URL exits 1 with one line; an invalid URL or a missing cache is bad input (exit 2)")
    func showErrors() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        let unknown = try await fixture.cache(["show", fixture.first.url("/never")])
        #expect(unknown.status == 1)
        #expect(unknown.stdout.isEmpty)
        #expect(outputLines(unknown.stderr) == ["trawl: not in the cache: \(fixture.first.url("/never"))"])
        let invalid = try await fixture.cache(["show", "ftp://example.org/"])
        #expect(invalid.status == 2 && outputLines(invalid.stderr).count == 1 && invalid.stderr.hasPrefix("trawl: invalid URL"))
        let both = try await fixture.cache(["show", fixture.first.url("/"), "--headers", "--body"])
        #expect(both.status == 2)
        let noCache = try await TrawlProcess.run(["cache", "stats", "--cache", fixture.folder.path("absent.sqlite")])
        #expect(noCache.status == 2 && noCache.stderr.hasPrefix("trawl: no cache at "))
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.path("absent.sqlite")), "reading never creates a cache")
        let badRegex = try await fixture.cache(["ls", "--match", "(unclosed"])
        #expect(badRegex.status == 2 && badRegex.stderr.hasPrefix("trawl: invalid --match"))
    }
}
