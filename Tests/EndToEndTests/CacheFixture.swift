import Foundation
import Testing
import TrawlTestSupport

/// A cache filled by running the real `trawl crawl` against two loopback servers on two hosts
/// (127.0.0.1 and 127.0.0.2), with a 404, a gzip-encoded page and a body that is not text.
struct CacheFixture {
    let folder: TemporaryFolder
    let first: TestHTTPServer
    let second: TestHTTPServer
    var cachePath: String { folder.path("cache.sqlite") }

    /// NUL, CR, non-ASCII and no final newline: `show --body` must write it byte for byte.
    static let oddBody = "line one\r\nline\u{0}two é € 🐟\tend"
    static let homeHTML = "<html><body><h1>Home</h1></body></html>"
    static let pageHTML = "<html><body><h1>A page</h1><p>some text</p></body></html>"
    static let json = #"{"name": "b", "values": [1, 2, 3]}"#

    /// Every URL the crawl caches, with its status and stored (decoded) body.
    var expected: [String: (status: Int, body: String)] {
        [
            first.url("/"): (200, Self.homeHTML),
            first.url("/a.html"): (200, Self.pageHTML),
            first.url("/gz"): (200, TestResponse.gzippedHTMLSampleDecoded),
            first.url("/odd"): (200, Self.oddBody),
            first.url("/missing"): (404, TestResponse.notFound.bodyText),
            second.url("/b.json"): (200, Self.json),
        ]
    }

    init() async throws {
        folder = try TemporaryFolder()
        first = try TestHTTPServer(routes: [
            "/": .html(Self.homeHTML),
            "/a.html": .html(Self.pageHTML),
            "/gz": .gzippedHTMLSample,
            "/odd": .text(Self.oddBody),
        ])
        second = try TestHTTPServer(host: "127.0.0.2", routes: ["/b.json": .json(Self.json)])
        let seeds = [first.url("/"), first.url("/a.html"), first.url("/gz"), first.url("/odd"), first.url("/missing"), second.url("/b.json")]
        let result = try await TrawlProcess.run(
            ["crawl"] + seeds + ["--cache", folder.path("cache.sqlite"), "--ignore-robots", "--max-depth", "0", "-o", folder.path("out.jsonl"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    func stop() {
        first.stop()
        second.stop()
        folder.remove()
    }

    /// Runs `trawl cache arguments… --cache <this cache>`.
    func cache(_ arguments: [String]) async throws -> TrawlProcess.Result {
        try await TrawlProcess.run(["cache"] + arguments + ["--cache", cachePath])
    }
}

/// Lines of `text` without the empty string after the final newline.
func outputLines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
}
