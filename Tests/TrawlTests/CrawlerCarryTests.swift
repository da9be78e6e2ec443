import Testing
import Trawl
import TrawlCore
import TrawlJSONPath
import TrawlJSONProcessor
import TrawlTestSupport

/// Items across pages: fields carried along `follow` links into the page that completes the item.
@Suite(.timeLimit(.minutes(2)))
struct CrawlerCarryTests {
    private static let carried = ["id", "name", "height", "types"]

    private func fields(_ specs: [(String, String, Bool)]) throws -> [JSONField] {
        try specs.map { JSONField(name: $0.0, query: try JSONPathQuery($0.1), options: FieldOptions(all: $0.2)) }
    }

    private func processor(fields specs: [(String, String, Bool)], follow: [String], carry: [String]) throws -> JSONProcessor {
        JSONProcessor(fields: try fields(specs), follow: try follow.map { try JSONPathQuery($0) }, carry: carry)
    }

    @Test("index, pokemon, species: one item per pokemon at its species URL, carried fields first, then the habitat")
    func pokemonWithSpecies() async throws {
        let api = try PokemonAPIFixture()
        let harness = try CrawlHarness()
        defer { harness.removeCache(); api.stop() }
        let json = try processor(
            fields: [("id", "$.id", false), ("name", "$.name", false), ("height", "$.height", false),
                     ("types", "$.types[*].type.name", true), ("habitat", "$.habitat.name", false)],
            follow: ["$.next", "$.results[*].url", "$.species.url"], carry: Self.carried)
        let (summary, items) = try await harness.crawl(CrawlConfiguration(seeds: [api.indexURL]), processors: [json])
        #expect(summary.statistics.failed == 0)
        #expect(items.count == PokemonAPIFixture.pokemon.count, "no item from index or pokemon pages")
        let byURL = Dictionary(items.map { ($0.url, $0) }) { first, _ in first }
        for pokemon in PokemonAPIFixture.pokemon {
            #expect(byURL[api.speciesURL(pokemon.id)]?.fields == [
                Field(name: "id", value: .number(String(pokemon.id))),
                Field(name: "name", value: .string(pokemon.name)),
                Field(name: "height", value: .number(String(pokemon.height))),
                Field(name: "types", value: .array(pokemon.types.map { .string($0) })),
                Field(name: "habitat", value: .string(pokemon.habitat)),
            ])
        }
        // Every page fetched once: index pages, pokemon, species (and robots.txt).
        #expect(api.server.requestLog.count == summary.statistics.fetched)
    }

    @Test("a URL reached from two pages keeps the fields of the first discovery")
    func firstDiscoveryWins() async throws {
        // /a links to /shared and /b; /b, handled later, links to /shared again with its own tag.
        let server = try TestHTTPServer(routes: [
            "/a": .json(#"{"tag": "from-a", "links": ["/shared", "/b"]}"#),
            "/b": .json(#"{"tag": "from-b", "links": ["/shared"]}"#),
            "/shared": .json(#"{"own": "shared"}"#),
        ])
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop() }
        let json = try processor(
            fields: [("tag", "$.tag", false), ("own", "$.own", false)], follow: ["$.links[*]"], carry: ["tag"])
        let (summary, items) = try await harness.crawl(CrawlConfiguration(seeds: [server.url("/a")]), processors: [json])
        #expect(summary.statistics.failed == 0)
        #expect(items == [
            Item(url: server.url("/shared"), fields: [
                Field(name: "tag", value: .string("from-a")), Field(name: "own", value: .string("shared")),
            ])
        ])
        #expect(server.requestCount(for: "/shared") == 1)
    }

    @Test("carried fields survive a redirect on the same origin and one queued behind another origin's robots.txt")
    func survivesRedirects() async throws {
        let other = try TestHTTPServer(routes: ["/moved": .json(#"{"own": "other-origin"}"#)])
        let server = try TestHTTPServer(routes: [
            "/start": .json(#"{"tag": "carried", "links": ["/old", "/away"]}"#),
            "/old": .redirect(to: "/new"),
            "/new": .json(#"{"own": "same-origin"}"#),
            "/away": .redirect(to: other.url("/moved")),
        ])
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop(); other.stop() }
        let json = try processor(
            fields: [("tag", "$.tag", false), ("own", "$.own", false)], follow: ["$.links[*]"], carry: ["tag"])
        let (summary, items) = try await harness.crawl(CrawlConfiguration(seeds: [server.url("/start")]), processors: [json])
        #expect(summary.statistics.failed == 0)
        let tag = Field(name: "tag", value: .string("carried"))
        #expect(Set(items) == [
            Item(url: server.url("/new"), fields: [tag, Field(name: "own", value: .string("same-origin"))]),
            Item(url: other.url("/moved"), fields: [tag, Field(name: "own", value: .string("other-origin"))]),
        ])
    }

    @Test("a carried field wins over the followed page's own field of that name")
    func carriedWins() async throws {
        let server = try TestHTTPServer(routes: [
            "/parent": .json(#"{"name": "parent", "child": "/child"}"#),
            "/child": .json(#"{"name": "child", "extra": 1}"#),
        ])
        let harness = try CrawlHarness()
        defer { harness.removeCache(); server.stop() }
        let json = try processor(
            fields: [("extra", "$.extra", false), ("name", "$.name", false)], follow: ["$.child"], carry: ["name"])
        let (_, items) = try await harness.crawl(CrawlConfiguration(seeds: [server.url("/parent")]), processors: [json])
        #expect(items == [
            Item(url: server.url("/child"), fields: [
                Field(name: "name", value: .string("parent")), Field(name: "extra", value: .number("1")),
            ])
        ])
    }
}
