import Foundation
import Testing
import TrawlTestSupport

/// `trawl cache rm` and `vacuum`, the real binary.
@Suite(.timeLimit(.minutes(2)))
struct CacheRemoveCommandTests {
    private func listedURLs(_ fixture: CacheFixture) async throws -> [String] {
        let result = try await fixture.cache(["ls"])
        #expect(result.status == 0, "\(result.stderr)")
        return outputLines(result.stdout).map { String($0.prefix { $0 != "\t" }) }
    }

    @Test("rm URL removes one entry (canonicalised) and says so; again it removes none")
    func removeURL() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        let url = fixture.first.url("/a.html")
        let removed = try await fixture.cache(["rm", url + "#fragment"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout == "removed 1 response\n")
        #expect(try await listedURLs(fixture) == fixture.expected.keys.filter { $0 != url }.sorted())
        let shown = try await fixture.cache(["show", url])
        #expect(shown.status == 1)
        let again = try await fixture.cache(["rm", url])
        #expect(again.stdout == "removed 0 responses\n")
    }

    @Test("rm --host and rm --match remove exactly the entries they select")
    func removeByHostAndMatch() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        let byHost = try await fixture.cache(["rm", "--host", "127.0.0.2"])
        #expect(byHost.stdout == "removed 1 response\n", "\(byHost.stderr)")
        let byMatch = try await fixture.cache(["rm", "--match", "/(gz|odd)$"])
        #expect(byMatch.stdout == "removed 2 responses\n", "\(byMatch.stderr)")
        #expect(try await listedURLs(fixture) == [fixture.first.url("/"), fixture.first.url("/a.html"), fixture.first.url("/missing")].sorted())
    }

    @Test("rm --older-than keeps what is newer and removes what is older; bodies and packs go with the last entry")
    func removeOlderThan() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        let young = try await fixture.cache(["rm", "--older-than", "1h"])
        #expect(young.stdout == "removed 0 responses\n", "\(young.stderr)")
        let all = try await fixture.cache(["rm", "--older-than", "0s"])
        #expect(all.stdout == "removed 6 responses\n", "\(all.stderr)")
        let stats = try await fixture.cache(["stats", "--json"])
        let object = try #require(jsonLines(stats.stdout).first)
        #expect(object["entries"] as? Int == 0)
        #expect(object["unique_bodies"] as? Int == 0)
        #expect(object["packs"] as? Int == 0)
    }

    @Test("rm without a selector, with a URL and a filter, or with a bad duration is bad input (exit 2, one line)")
    func removeBadInput() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        for arguments in [["rm"], ["rm", fixture.first.url("/"), "--host", "127.0.0.1"], ["rm", "--older-than", "1.5h"], ["rm", "--older-than", "7"]] {
            let result = try await fixture.cache(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(outputLines(result.stderr).count == 1 && result.stderr.hasPrefix("trawl: "), "\(result.stderr)")
        }
        let duration = try await fixture.cache(["rm", "--older-than", "3x"])
        #expect(duration.stderr.contains("invalid duration '3x'"))
        #expect(try await listedURLs(fixture).count == 6, "bad input removes nothing")
    }

    @Test("vacuum after rm prints the file size before and after, the second no larger")
    func vacuum() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        _ = try await fixture.cache(["rm", "--host", "127.0.0.1"])
        let result = try await fixture.cache(["vacuum"])
        #expect(result.status == 0, "\(result.stderr)")
        let first = try #require(outputLines(result.stdout).first)
        let sizes = first.split(separator: " ").compactMap { Int($0) }
        #expect(first.hasPrefix("file bytes ") && sizes.count == 2)
        #expect(sizes.count == 2 && sizes[1] <= sizes[0] && sizes[1] > 0)
        let shown = try await fixture.cache(["show", fixture.second.url("/b.json"), "--body"])
        #expect(shown.stdout == CacheFixture.json, "what was kept survives the vacuum")
    }
}
