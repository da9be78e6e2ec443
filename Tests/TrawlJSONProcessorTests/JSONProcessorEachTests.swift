import Testing
import TrawlCore
import TrawlJSONPath
import TrawlJSONProcessor

@Suite struct JSONProcessorEachTests {
    private let listing = """
        {"count": 3, "next": "?offset=3",
         "results": [
           {"name": "bulbasaur", "id": "1", "url": "https://pokeapi.co/api/v2/pokemon/1/", "tags": ["grass", "poison"]},
           {"name": "ivysaur", "id": "two", "url": "https://pokeapi.co/api/v2/pokemon/2/", "tags": []},
           {"id": 3, "url": "https://pokeapi.co/api/v2/pokemon/3/"}
         ]}
        """

    private func page(_ body: String) -> Page {
        Page(url: "https://pokeapi.co/api/v2/pokemon", status: 200,
             headers: HTTPHeaders([HTTPHeaderField(name: "Content-Type", value: "application/json")]),
             body: Array(body.utf8), depth: 0)
    }

    private func field(_ name: String, _ query: String, _ options: FieldOptions = FieldOptions()) throws -> JSONField {
        JSONField(name: name, query: try JSONPathQuery(query), options: options)
    }

    @Test("each over $.results[*] gives one item per result, fields evaluated with the result as $")
    func eachResult() throws {
        let processor = JSONProcessor(
            fields: [
                try field("name", "$.name"), try field("id", "$.id", FieldOptions(type: .integer)),
                try field("tags", "$.tags[*]", FieldOptions(all: true)),
            ],
            each: try JSONPathQuery("$.results[*]"), follow: [try JSONPathQuery("$.next")], nullMissing: true)
        let output = try processor.process(page(listing))
        #expect(output.fields.isEmpty)
        #expect(output.items.map(\.fields) == [
            [Field(name: "index", value: .number("0")), Field(name: "name", value: .string("bulbasaur")),
             Field(name: "id", value: .number("1")), Field(name: "tags", value: .array([.string("grass"), .string("poison")]))],
            [Field(name: "index", value: .number("1")), Field(name: "name", value: .string("ivysaur")),
             Field(name: "id", value: .null), Field(name: "tags", value: .array([]))],
            [Field(name: "index", value: .number("2")), Field(name: "name", value: .null),
             Field(name: "id", value: .number("3")), Field(name: "tags", value: .array([]))],
        ])
        #expect(output.warnings == [#"item 1: field "id": "two" is not an integer"#])
        #expect(output.links.map(\.absoluteString) == ["https://pokeapi.co/api/v2/pokemon?offset=3"])
    }

    @Test("without null-missing, a missing field is left out of its item; no match gives no items")
    func missingAndEmpty() throws {
        let processor = JSONProcessor(fields: [try field("name", "$.name")], each: try JSONPathQuery("$.results[*]"))
        let output = try processor.process(page(listing))
        #expect(output.items.last?.fields == [Field(name: "index", value: .number("2"))])
        #expect(try processor.process(page(#"{"results": []}"#)).items.isEmpty)
    }
}
