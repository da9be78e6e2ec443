import Testing
import TrawlCore
import TrawlJSONPath
import TrawlJSONProcessor

@Suite struct JSONProcessorCarryTests {
    static let pokemon = """
        {"id": 7, "name": "squirtle", "height": 5, "color": null,
         "types": [{"slot": 1, "type": {"name": "water"}}],
         "species": {"url": "/api/v2/pokemon-species/7/"}}
        """

    private func page(_ body: String) -> Page {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        return Page(url: "https://pokeapi.co/api/v2/pokemon/7/", status: 200, headers: headers, body: Array(body.utf8), depth: 1)
    }

    private func processor(carry: [String], nullMissing: Bool = false) throws -> JSONProcessor {
        let specs: [(String, String, Bool)] = [
            ("id", "$.id", false), ("name", "$.name", false), ("height", "$.height", false),
            ("types", "$.types[*].type.name", true), ("color", "$.color", false), ("habitat", "$.habitat.name", false),
            ("moves", "$.moves[*].name", true),
        ]
        return JSONProcessor(
            fields: try specs.map { JSONField(name: $0.0, query: try JSONPathQuery($0.1), options: FieldOptions(all: $0.2)) },
            follow: [try JSONPathQuery("$.species.url")], nullMissing: nullMissing, carry: carry)
    }

    @Test("a page with links carries its carried fields, in field order, on each link and gives no fields of its own")
    func carries() throws {
        let output = try processor(carry: ["types", "name", "id"]).process(page(Self.pokemon))
        #expect(output.fields.isEmpty)
        #expect(output.links.isEmpty)
        #expect(output.carriedLinks.count == 1)
        #expect(output.carriedLinks.first?.url.canonicalString == "https://pokeapi.co/api/v2/pokemon-species/7/")
        #expect(output.carriedLinks.first?.fields == [
            Field(name: "id", value: .number("7")),
            Field(name: "name", value: .string("squirtle")),
            Field(name: "types", value: .array([.string("water")])),
        ])
    }

    @Test("a field with no match, a null value or an empty all-array is not carried, even with null-missing")
    func carriesOnlyValues() throws {
        let output = try processor(carry: ["height", "color", "habitat", "moves"], nullMissing: true).process(page(Self.pokemon))
        #expect(output.carriedLinks.map(\.fields) == [[Field(name: "height", value: .number("5"))]])
        #expect(output.fields.isEmpty)
    }

    @Test("a page whose follow queries find no link gives its fields as usual")
    func leafPage() throws {
        let species = #"{"id": 7, "name": "squirtle", "habitat": {"name": "waters-edge"}}"#
        let output = try processor(carry: ["id", "name"]).process(page(species))
        #expect(output.carriedLinks.isEmpty)
        #expect(output.fields == [
            Field(name: "id", value: .number("7")), Field(name: "name", value: .string("squirtle")),
            Field(name: "types", value: .array([])), Field(name: "habitat", value: .string("waters-edge")),
            Field(name: "moves", value: .array([])),
        ])
    }

    @Test("without carry, links are plain links and the page keeps its fields")
    func withoutCarry() throws {
        let output = try processor(carry: []).process(page(Self.pokemon))
        #expect(output.carriedLinks.isEmpty)
        #expect(output.links.map(\.canonicalString) == ["https://pokeapi.co/api/v2/pokemon-species/7/"])
        #expect(output.fields.first == Field(name: "id", value: .number("7")))
    }
}
