import Foundation
import Testing
import TrawlTestSupport

/// `trawl-parse-floor`, the real binary built beside `trawl`, on a cache the real crawl filled.
@Suite(.timeLimit(.minutes(2)))
struct ParseFloorTests {
    static var floorURL: URL {
        TrawlProcess.executableURL.deletingLastPathComponent().appendingPathComponent("trawl-parse-floor")
    }

    @Test("the floor parses every cached 2xx HTML page and nothing else, and reports pages and pages/s")
    func parsesCachedHTML() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        let result = try await ExternalTool.run(Self.floorURL, [fixture.cachePath])
        #expect(result.status == 0, "\(result.stderr)")
        // Home, a.html and the gzip-encoded page; not the 404, the text page or the JSON.
        let bytes = CacheFixture.homeHTML.utf8.count + CacheFixture.pageHTML.utf8.count
            + TestResponse.gzippedHTMLSampleDecoded.utf8.count
        #expect(result.stdout.hasPrefix("parse-floor: 3 pages, \(bytes) bytes in "), "\(result.stdout)")
        #expect(result.stdout.hasSuffix(" pages/s\n"), "\(result.stdout)")
    }

    @Test("without a cache path it prints its usage and exits 2; a missing cache exits 1")
    func usage() async throws {
        let bare = try await ExternalTool.run(Self.floorURL, [])
        #expect(bare.status == 2)
        #expect(bare.stderr.contains("usage: trawl-parse-floor CACHE"))
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = try await ExternalTool.run(Self.floorURL, [folder.path("none.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("trawl-parse-floor: "))
    }
}
