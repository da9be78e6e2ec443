import Foundation
import Testing
import TrawlTestSupport

/// `trawl robots` rejects bad input before any fetch: one `trawl: …` line, exit 2, no request,
/// no cache created.
@Suite(.timeLimit(.minutes(2)))
struct RobotsCommandBadInputTests {
    private func expectRejected(
        _ arguments: [String], mentioning fragment: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let server = try TestHTTPServer(routes: ["/robots.txt": .text("User-agent: *\nDisallow: /\n")])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let expanded = arguments.map { $0 == "SERVER" ? server.url("/page") : $0 }
        let result = try await TrawlProcess.run(["robots", "--cache", folder.path("c.sqlite")] + expanded)
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("trawl: "), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(fragment), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(server.requestCount == 0, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: folder.path("c.sqlite")), sourceLocation: sourceLocation)
    }

    @Test("no URL") func noURL() async throws {
        try await expectRejected([], mentioning: "no URL given")
    }

    @Test("an invalid URL after a valid one") func invalidURL() async throws {
        try await expectRejected(["SERVER", "http://exa mple.org/"], mentioning: "invalid URL 'http://exa mple.org/'")
    }

    @Test("a URL with a scheme other than http or https") func ftpURL() async throws {
        try await expectRejected(["SERVER", "ftp://127.0.0.1/x"], mentioning: "only http and https")
    }

    @Test("an unreadable --robots-file") func unreadableRobotsFile() async throws {
        try await expectRejected(
            ["--robots-file", "/nonexistent/robots.txt", "SERVER"], mentioning: "cannot read --robots-file")
    }

    @Test("an --agent that is not one word, and a --user-agent without a product token")
    func badAgent() async throws {
        try await expectRejected(["--agent", "two words", "SERVER"], mentioning: "invalid --agent")
        try await expectRejected(["--user-agent", "2.0 bot", "SERVER"], mentioning: "--agent")
    }

    @Test("an unknown flag") func unknownFlag() async throws {
        try await expectRejected(["--no-such-flag", "SERVER"], mentioning: "--no-such-flag")
    }
}
