import Foundation
import Testing
import TrawlTestSupport

/// `trawl robots`, the real binary: verdict lines, exit codes, agents, and robots.txt fetched
/// from a loopback server through the cache.
@Suite(.timeLimit(.minutes(2)))
struct RobotsCommandTests {
    /// Line numbers matter: the output names them.
    static let robotsText = """
        User-agent: *
        Disallow: /private/
        Allow: /private/open

        User-agent: OtherBot
        Disallow: /other/
        """

    /// Three groups, so that the agent decides which rules apply.
    static let agentsText = """
        User-agent: Trawl
        Disallow: /t/

        User-agent: OtherBot
        Disallow: /o/

        User-agent: *
        Disallow: /
        """

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    private func writeFile(_ text: String, in folder: TemporaryFolder, named name: String = "robots.txt") throws -> String {
        try text.write(toFile: folder.path(name), atomically: true, encoding: .utf8)
        return folder.path(name)
    }

    @Test("--robots-file: one tab-separated line per URL with the deciding rule and its line number; exit 1 when any is disallowed")
    func robotsFileVerdicts() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try writeFile(Self.robotsText, in: folder)
        let result = try await TrawlProcess.run([
            "robots", "--robots-file", file, "http://example.org/private/x", "http://example.org/private/open.html",
            "http://example.org/public?q=1",
        ], in: folder.url)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(lines(result.stdout) == [
            "disallowed\thttp://example.org/private/x\tline 2: Disallow: /private/",
            "allowed\thttp://example.org/private/open.html\tline 3: Allow: /private/open",
            "allowed\thttp://example.org/public?q=1",
        ])
        #expect(result.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path("cache")), "no cache without the network")
    }

    @Test("--robots-file: exit 0 when every URL is allowed")
    func robotsFileAllAllowed() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try writeFile(Self.robotsText, in: folder)
        let result = try await TrawlProcess.run([
            "robots", "--robots-file", file, "https://example.org/", "https://example.org/other/page",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(lines(result.stdout) == ["allowed\thttps://example.org/", "allowed\thttps://example.org/other/page"])
    }

    @Test("the agent is the product token of --user-agent (Trawl by default) unless --agent names another")
    func agentSelection() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try writeFile(Self.agentsText, in: folder)
        let urls = ["http://h.test/t/1", "http://h.test/o/1"]
        let byDefault = try await TrawlProcess.run(["robots", "--robots-file", file] + urls)
        #expect(byDefault.status == 1)
        #expect(lines(byDefault.stdout) == [
            "disallowed\thttp://h.test/t/1\tline 2: Disallow: /t/", "allowed\thttp://h.test/o/1",
        ])
        let other = try await TrawlProcess.run(["robots", "--robots-file", file, "--agent", "otherbot"] + urls)
        #expect(lines(other.stdout) == [
            "allowed\thttp://h.test/t/1", "disallowed\thttp://h.test/o/1\tline 5: Disallow: /o/",
        ])
        let fromUserAgent = try await TrawlProcess.run(
            ["robots", "--robots-file", file, "--user-agent", "OtherBot/2.0 (+https://x.test)"] + urls)
        #expect(fromUserAgent.stdout == other.stdout)
        let unknown = try await TrawlProcess.run(["robots", "--robots-file", file, "--agent", "Nobody", urls[0]])
        #expect(lines(unknown.stdout) == ["disallowed\thttp://h.test/t/1\tline 8: Disallow: /"])
    }

    @Test("robots.txt is fetched once per origin with the User-Agent; a second run is served from the cache with zero requests")
    func fetchedThroughTheCache() async throws {
        let server = try TestHTTPServer(routes: ["/robots.txt": .text(Self.robotsText)])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let arguments = [
            "robots", "--cache", folder.path("cache") + "/", "--user-agent", "Trawl/9 (test)",
            server.url("/private/a"), server.url("/private/open"), server.url("/"),
        ]
        let expected = [
            "disallowed\t\(server.url("/private/a"))\tline 2: Disallow: /private/",
            "allowed\t\(server.url("/private/open"))\tline 3: Allow: /private/open",
            "allowed\t\(server.url("/"))",
        ]
        let first = try await TrawlProcess.run(arguments)
        #expect(first.status == 1, "\(first.stderr)")
        #expect(lines(first.stdout) == expected)
        #expect(server.requestLog.map(\.target) == ["/robots.txt"], "robots.txt once, never the pages")
        #expect(server.requestLog.first?.headers["User-Agent"] == "Trawl/9 (test)")
        #expect(FileManager.default.fileExists(atPath: folder.path("cache/trawl.sqlite")))

        server.resetLog()
        let second = try await TrawlProcess.run(arguments)
        #expect(second.status == 1, "\(second.stderr)")
        #expect(lines(second.stdout) == expected)
        #expect(server.requestCount == 0, "the second run must be served from the cache")
    }

    @Test("each origin's own robots.txt decides its URLs")
    func twoOrigins() async throws {
        let open = try TestHTTPServer(routes: ["/robots.txt": .text("User-agent: *\nAllow: /\n")])
        let closed = try TestHTTPServer(routes: ["/robots.txt": .text("User-agent: Trawl\nDisallow: /\n")])
        let folder = try TemporaryFolder()
        defer { folder.remove(); open.stop(); closed.stop() }
        let result = try await TrawlProcess.run([
            "robots", "--cache", folder.path("c.sqlite"), open.url("/a"), closed.url("/a"), open.url("/b"),
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(lines(result.stdout) == [
            "allowed\t\(open.url("/a"))\tline 2: Allow: /",
            "disallowed\t\(closed.url("/a"))\tline 2: Disallow: /",
            "allowed\t\(open.url("/b"))\tline 2: Allow: /",
        ])
        #expect(open.requestCount == 1)
        #expect(closed.requestCount == 1)
    }

    @Test("a 503 robots.txt disallows the origin with the reason, exit 1, and is not cached")
    func unavailableRobots() async throws {
        let server = try TestHTTPServer(routes: ["/robots.txt": .status(503)])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let arguments = ["robots", "--cache", folder.path("c.sqlite"), server.url("/page")]
        let result = try await TrawlProcess.run(arguments)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(lines(result.stdout) == ["disallowed\t\(server.url("/page"))\trobots.txt unavailable: http-503"])
        let again = try await TrawlProcess.run(arguments)
        #expect(again.stdout == result.stdout)
        #expect(server.requestCount(for: "/robots.txt") == 2, "a server error is asked again, never replayed")
    }

    @Test("an unreachable server disallows the origin with the network failure as the reason")
    func unreachableRobots() async throws {
        let server = try TestHTTPServer(routes: [:])
        let url = server.url("/page")
        server.stop()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try await TrawlProcess.run(["robots", "--cache", folder.path("c.sqlite"), url])
        #expect(result.status == 1, "\(result.stderr)")
        let columns = result.stdout.split(separator: "\t", omittingEmptySubsequences: false)
        #expect(columns.count == 3, "\(result.stdout)")
        #expect(columns.first == "disallowed")
        #expect(columns.last?.hasPrefix("robots.txt unavailable: connect") == true, "\(result.stdout)")
    }

    @Test("a 404 robots.txt allows everything and says so; exit 0")
    func missingRobots() async throws {
        let server = try TestHTTPServer(routes: [:])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let result = try await TrawlProcess.run(["robots", "--cache", folder.path("c.sqlite"), server.url("/x")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(lines(result.stdout) == ["allowed\t\(server.url("/x"))\trobots.txt: 404, everything allowed"])
    }

    @Test("robots.txt redirects are followed as a crawl follows them")
    func redirectedRobots() async throws {
        let server = try TestHTTPServer(routes: [
            "/robots.txt": .redirect(to: "/moved/robots.txt"),
            "/moved/robots.txt": .text("User-agent: *\nDisallow: /secret\n"),
        ])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let result = try await TrawlProcess.run(["robots", "--cache", folder.path("c.sqlite"), server.url("/secret/1")])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(lines(result.stdout) == ["disallowed\t\(server.url("/secret/1"))\tline 2: Disallow: /secret"])
        #expect(server.requestLog.map(\.target) == ["/robots.txt", "/moved/robots.txt"])
    }

    @Test("the help explains what the command is for")
    func help() async throws {
        let result = try await TrawlProcess.run(["help", "robots"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("why a page was not crawled"), "\(result.stdout)")
        #expect(result.stdout.contains("--robots-file"))
        let root = try await TrawlProcess.run(["--help"])
        #expect(root.stdout.contains("robots"))
    }
}
