import Foundation
import Testing
import TrawlTestSupport

@Suite(.timeLimit(.minutes(1)))
struct PokemonAPIFixtureTests {
    private func object(_ url: String) throws -> [String: Any] {
        let response = try TestHTTPClient.get(url)
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/json")
        return try #require(JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test func indexPagesLinkToEachOtherAndToEveryPokemon() throws {
        let api = try PokemonAPIFixture()
        defer { api.stop() }
        var url: String? = api.indexURL
        var names: [String] = []
        var pages = 0
        while let current = url {
            let page = try object(current)
            #expect(page["count"] as? Int == 12)
            let results = try #require(page["results"] as? [[String: String]])
            names += results.compactMap { $0["name"] }
            #expect(results.map { $0["url"] } == results.indices.map { api.pokemonURL(pages * 5 + $0 + 1) })
            url = page["next"] as? String
            pages += 1
        }
        #expect(pages == 3)
        #expect(names == PokemonAPIFixture.pokemon.map(\.name))
    }

    @Test func pokemonAndSpeciesDocumentsCarryTheRecordedValues() throws {
        let api = try PokemonAPIFixture()
        defer { api.stop() }
        for record in PokemonAPIFixture.pokemon {
            let document = try object(api.pokemonURL(record.id))
            #expect(document["id"] as? Int == record.id)
            #expect(document["name"] as? String == record.name)
            #expect(document["height"] as? Int == record.height)
            #expect(document["weight"] as? Int == record.weight)
            let types = try #require(document["types"] as? [[String: Any]])
            #expect(types.compactMap { ($0["type"] as? [String: String])?["name"] } == record.types)
            let species = try #require(document["species"] as? [String: String])
            #expect(species["url"] == api.speciesURL(record.id))
            let speciesDocument = try object(api.speciesURL(record.id))
            #expect((speciesDocument["habitat"] as? [String: String])?["name"] == record.habitat)
            #expect((speciesDocument["color"] as? [String: String])?["name"] == record.color)
        }
        let first = try TestHTTPClient.get(api.pokemonURL(1)).bodyText
        #expect(first.hasPrefix("{\"id\":1,\"name\":\"bulbasaur\",\"height\":7,\"weight\":69,\"types\":[{\"slot\":1,\"type\":{\"name\":\"grass\",\"url\":"))
        #expect(try TestHTTPClient.get(api.pokemonURL(13)).status == 404)
        #expect(try TestHTTPClient.get(api.baseURL + "/api/v2/type/12/").bodyText == "{\"id\":12,\"name\":\"grass\"}")
    }
}
