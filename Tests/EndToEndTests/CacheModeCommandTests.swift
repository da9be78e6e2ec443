import Foundation
import Testing
import TrawlTestSupport

/// `trawl crawl --cache-mode` and `--max-age` with the real binary.
@Suite(.timeLimit(.minutes(2)))
struct CacheModeCommandTests {
    @Test("--cache-mode offline replays the cache without a request and records what is missing as not-in-cache")
    func offline() async throws {
        let server = try TestHTTPServer(routes: [
            "/a": .html("<html><body><h1>A</h1></body></html>"),
            "/b": .html("<html><body><h1>B</h1></body></html>"),
        ])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let common = ["--cache", folder.path("c.sqlite"), "-o", folder.path("o.jsonl"), "--extract", "title=//h1"]
        let first = try await TrawlProcess.run(["crawl", server.url("/a")] + common)
        #expect(first.status == 0, "\(first.stderr)")
        server.resetLog()

        let second = try await TrawlProcess.run(
            ["crawl", server.url("/a"), server.url("/b"), "--cache-mode", "offline"] + common)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(server.requestCount == 0, "offline never touches the network, not even for robots.txt")
        #expect(second.stderr.contains("not-in-cache 1"), "\(second.stderr)")
        #expect(second.stderr.contains("cache       2 served from cache"), "robots.txt (a 404) and /a: \(second.stderr)")
        #expect(second.stderr.contains("1 missed (offline)"), "\(second.stderr)")
        let items = jsonLines(folder.read("o.jsonl"))
        #expect(items.map { $0["title"] as? String } == ["A"])
    }

    @Test("--cache-mode http with --max-age parses and crawls")
    func httpMode() async throws {
        let server = try TestHTTPServer(routes: ["/a": .html("<h1>A</h1>").adding(header: "Cache-Control", value: "max-age=600")])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let arguments = ["crawl", server.url("/a"), "--cache", folder.path("c.sqlite"), "-o", folder.path("o.jsonl"),
                         "--cache-mode", "http", "--max-age", "12h", "--ignore-robots"]
        #expect(try await TrawlProcess.run(arguments).status == 0)
        // A cache-mode re-crawl is a new job over the cache: --fresh.
        let again = try await TrawlProcess.run(arguments + ["--fresh"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(server.requestCount == 1, "fresh for ten minutes")
        #expect(again.stderr.contains("1 served from cache"), "\(again.stderr)")
    }

    @Test("a bad --cache-mode or --max-age exits 2 with one line, before any fetch", arguments: [
        (["--cache-mode", "sometimes"], "invalid --cache-mode 'sometimes'"),
        (["--max-age", "7"], "invalid --max-age '7'"),
        (["--max-age=-1d"], "invalid --max-age '-1d'"),
    ])
    func badValues(extra: [String], fragment: String) async throws {
        let server = try TestHTTPServer(routes: ["/": .html("<h1>hi</h1>")])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let result = try await TrawlProcess.run(
            ["crawl", server.url("/"), "--cache", folder.path("c.sqlite"), "-o", folder.path("o.jsonl")] + extra)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(fragment), "\(result.stderr)")
        #expect(server.requestCount == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path("c.sqlite")), "the cache is not even opened")
    }
}
