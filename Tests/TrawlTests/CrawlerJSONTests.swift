import Foundation
import Testing
import Trawl
import TrawlCore
import TrawlJSONPath
import TrawlJSONProcessor
import TrawlTestSupport

@Suite(.timeLimit(.minutes(2)))
struct CrawlerJSONTests {
    private func field(_ name: String, _ query: String, all: Bool = false) throws -> JSONField {
        JSONField(name: name, query: try JSONPathQuery(query), options: FieldOptions(all: all))
    }

    @Test("JSONPath fields keep their JSON types, an all field is always an array, over a list of seeds")
    func fieldsFromSeeds() async throws {
        let api = try PokemonAPIFixture()
        let harness = try CrawlHarness()
        defer { harness.removeCache(); api.stop() }
        let seeds = PokemonAPIFixture.pokemon.map { api.pokemonURL($0.id) }
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(seeds: seeds),
            jsonFields: [try field("name", "$.name"), try field("height", "$.height"),
                         try field("types", "$.types[*].type.name", all: true)])
        #expect(summary.statistics.failed == 0)
        #expect(items.count == PokemonAPIFixture.pokemon.count)
        let byURL = Dictionary(uniqueKeysWithValues: items.map { ($0.url, $0) })
        for pokemon in PokemonAPIFixture.pokemon {
            let item = byURL[api.pokemonURL(pokemon.id)]
            #expect(item?.fields.first { $0.name == "name" }?.value == .string(pokemon.name))
            #expect(item?.fields.first { $0.name == "height" }?.value == .number(String(pokemon.height)))
            // An array for one type as for two: the field's type does not depend on the page.
            #expect(item?.fields.first { $0.name == "types" }?.value == .array(pokemon.types.map { .string($0) }))
        }
    }

    @Test("--follow turns URL-valued results into new requests: index pages, then each pokemon, then its species")
    func followsLinks() async throws {
        let api = try PokemonAPIFixture()
        let harness = try CrawlHarness()
        defer { harness.removeCache(); api.stop() }
        let (summary, items) = try await harness.crawl(
            CrawlConfiguration(seeds: [api.indexURL]),
            jsonFields: [try field("name", "$.name"), try field("habitat", "$.habitat.name")],
            follow: [try JSONPathQuery("$.next"), try JSONPathQuery("$.results[*].url"),
                     try JSONPathQuery("$.species.url")])
        let count = PokemonAPIFixture.pokemon.count
        #expect(summary.statistics.failed == 0)
        // Each pokemon page and each species page yields a name; species pages also a habitat.
        #expect(items.count == 2 * count)
        let habitats = items.compactMap { $0.fields.first { $0.name == "habitat" }?.value }
        #expect(Set(habitats) == Set(PokemonAPIFixture.pokemon.map { JSONValue.string($0.habitat) }))
        #expect(api.server.requestLog.count == summary.statistics.fetched)
    }
}
