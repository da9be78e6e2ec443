import Foundation
import Testing
import TrawlTestSupport

/// `--follow` with `--carry` through the real binary: one item from two pages.
@Suite(.timeLimit(.minutes(2)))
struct CarryCommandTests {
    /// The bench's JSON crawl: index pages, then each pokemon, then its species.
    private static let arguments = [
        "--follow", "$.next", "--follow", "$.results[*].url", "--follow", "$.species.url",
        "--carry", "id,name,height", "--carry", "types",
        "--extract", "id=$.id", "--extract", "name=$.name", "--extract", "height=$.height",
        "--extract", "types[]=$.types[*].type.name", "--extract", "habitat=$.habitat.name",
    ]

    @Test("index, pokemon, species: exactly one line per pokemon with id, name, height, types and habitat in order")
    func pokemonItems() async throws {
        let api = try PokemonAPIFixture()
        let folder = try TemporaryFolder()
        defer { folder.remove(); api.stop() }
        let result = try await TrawlProcess.run(
            ["crawl", api.indexURL, "-o", "-", "--quiet", "--cache", folder.path("c.sqlite")] + Self.arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let expected = PokemonAPIFixture.pokemon.map { pokemon in
            let types = pokemon.types.map { "\"\($0)\"" }.joined(separator: ",")
            return #"{"url":"\#(api.speciesURL(pokemon.id))","id":\#(pokemon.id),"name":"\#(pokemon.name)","#
                + #""height":\#(pokemon.height),"types":[\#(types)],"habitat":"\#(pokemon.habitat)"}"#
        }
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == expected.count)
        #expect(Set(lines) == Set(expected))
    }

    @Test("HTML: --carry with an XPath --follow writes one item per product page, the listing's heading first")
    func htmlListingToDetail() async throws {
        let server = try TestHTTPServer(routes: ProductListing.routes)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let result = try await TrawlProcess.run([
            "crawl", server.url("/"), "-o", "-", "--quiet", "--cache", folder.path("c.sqlite"),
            "--extract", "heading=//h1", "--extract", "description=css:p.description",
            "--follow", "//a[@class='more']/@href", "--carry", "heading",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == ProductListing.count, "the listing writes no item of its own")
        #expect(lines.contains(#"{"url":"\#(server.url("/p/3"))","heading":"\#(ProductListing.heading)","description":"About 3"}"#))
        #expect(server.requestCount(for: "/elsewhere") == 0, "--follow selects the only links followed")
    }

    @Test("--links-in and --links-match narrow the links taken from HTML pages")
    func linksNarrowing() async throws {
        let server = try TestHTTPServer(routes: [
            "/": .html("<nav><a href=/docs/a>a</a><a href=/blog/b>b</a></nav><a href=/docs/c>c</a>"),
            "/docs/a": .html("<h1>a</h1>"), "/blog/b": .html("<h1>b</h1>"), "/docs/c": .html("<h1>c</h1>"),
        ])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let result = try await TrawlProcess.run([
            "crawl", server.url("/"), "-o", "-", "--quiet", "--cache", folder.path("c.sqlite"),
            "--links-in", "css:nav", "--links-match", "/docs/",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.requestCount(for: "/docs/a") == 1)
        #expect(server.requestCount(for: "/blog/b") == 0)
        #expect(server.requestCount(for: "/docs/c") == 0)
    }

    @Test("--carry without --follow, naming no --extract, or naming an XPath field is rejected before any fetch")
    func badCarry() async throws {
        let server = try TestHTTPServer(routes: ["/": .json("{}")])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let cases: [([String], String)] = [
            (["--extract", "id=$.id", "--carry", "id"], "--carry needs --follow"),
            (["--extract", "id=$.id", "--follow", "$.next", "--carry", "nope"], "invalid --carry 'nope'"),
            (["--extract", "t=//h1", "--follow", "$.next", "--carry", "t"], "needs an XPath or CSS --follow"),
            (["--links-in", "css:[", "--extract", "t=//h1"], "invalid --links-in 'css:['"),
            (["--links-match", "(x"], "invalid --links-match '(x'"),
            (["--extract", "id=$.id", "--follow", "$.next", "--carry", "id", "--each", "$.items[*]"], "--each"),
        ]
        for (extra, fragment) in cases {
            let result = try await TrawlProcess.run(
                ["crawl", server.url("/"), "--cache", folder.path("c.sqlite"), "-o", "-"] + extra)
            #expect(result.status == 2, "\(extra): \(result.stderr)")
            #expect(result.stderr.contains(fragment), "\(extra): \(result.stderr)")
        }
        #expect(server.requestCount == 0)
    }
}
