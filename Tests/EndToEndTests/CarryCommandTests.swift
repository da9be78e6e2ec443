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

    @Test("--carry without --follow, naming no --extract, or naming an XPath field is rejected before any fetch")
    func badCarry() async throws {
        let server = try TestHTTPServer(routes: ["/": .json("{}")])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let cases: [([String], String)] = [
            (["--extract", "id=$.id", "--carry", "id"], "--carry needs --follow"),
            (["--extract", "id=$.id", "--follow", "$.next", "--carry", "nope"], "invalid --carry 'nope'"),
            (["--extract", "t=//h1", "--follow", "$.next", "--carry", "t"], "only JSONPath fields"),
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
