import Testing
import TrawlCore
import TrawlJSONPath
import TrawlJSONProcessor

@Suite struct JSONProcessorTests {
    static let pokemon = """
        {"id": 7, "name": "squirtle", "height": 5, "weight": 90.0,
         "types": [{"slot": 1, "type": {"name": "water", "url": "https://pokeapi.co/api/v2/type/11/"}}],
         "abilities": [
           {"ability": {"name": "torrent", "url": "/api/v2/ability/67/"}},
           {"ability": {"name": "rain-dish", "url": "ftp://example.com/rain-dish"}}
         ],
         "species": {"name": "squirtle", "url": "https://pokeapi.co/api/v2/pokemon-species/7/"},
         "forms": [{"name": "squirtle", "url": 42}]}
        """

    private func page(
        _ body: String, contentType: String? = "application/json; charset=utf-8",
        url: String = "https://pokeapi.co/api/v2/pokemon/7/"
    ) -> Page {
        var headers = HTTPHeaders()
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        return Page(url: url, status: 200, headers: headers, body: Array(body.utf8), depth: 0)
    }

    private func processor(fields: [(String, String)], follow: [String] = []) throws -> JSONProcessor {
        JSONProcessor(
            fields: try fields.map { name, query in
                // `name[]` asks for all matches, as on the command line.
                let all = name.hasSuffix("[]")
                return JSONField(
                    name: all ? String(name.dropLast(2)) : name, query: try JSONPathQuery(query), options: FieldOptions(all: all))
            },
            follow: try follow.map { try JSONPathQuery($0) })
    }

    @Test("extracts the first match as it is, and with all an array of every match, even of one")
    func fields() throws {
        let output = try processor(fields: [
            ("name", "$.name"), ("height", "$.height"), ("weight", "$.weight"), ("types[]", "$.types[*].type.name"),
            ("abilities[]", "$.abilities[*].ability.name"), ("ability", "$.abilities[*].ability.name"),
            ("species", "$.species"), ("missing", "$.nothing"), ("none[]", "$.nothing"),
        ]).process(page(Self.pokemon))
        #expect(output.fields == [
            Field(name: "name", value: .string("squirtle")),
            Field(name: "height", value: .number("5")),
            Field(name: "weight", value: .number("90.0")),
            Field(name: "types", value: .array([.string("water")])),
            Field(name: "abilities", value: .array([.string("torrent"), .string("rain-dish")])),
            Field(name: "ability", value: .string("torrent")),
            Field(name: "species", value: .object([
                JSONMember(key: "name", value: .string("squirtle")),
                JSONMember(key: "url", value: .string("https://pokeapi.co/api/v2/pokemon-species/7/")),
            ])),
            Field(name: "none", value: .array([])),
        ])
        #expect(output.links.isEmpty)
    }

    @Test("a wildcard over several types yields an array of names with all, the first name without")
    func typeNames() throws {
        let body = #"{"types": [{"type": {"name": "grass"}}, {"type": {"name": "poison"}}]}"#
        let output = try processor(fields: [("types[]", "$.types[*].type.name"), ("type", "$.types[*].type.name")])
            .process(page(body))
        #expect(output.fields == [
            Field(name: "types", value: .array([.string("grass"), .string("poison")])),
            Field(name: "type", value: .string("grass")),
        ])
    }

    @Test("follow queries yield absolute http links, resolving relative ones against the page")
    func follow() throws {
        let output = try processor(
            fields: [], follow: ["$.species.url", "$.abilities[*].ability.url", "$.forms[*].url"]
        ).process(page(Self.pokemon))
        #expect(output.links.map(\.absoluteString) == [
            "https://pokeapi.co/api/v2/pokemon-species/7/",
            "https://pokeapi.co/api/v2/ability/67/",
        ])
    }

    @Test("relative follow URLs resolve against the page URL's directory")
    func relativeFollow() throws {
        let body = #"{"next": "?offset=20", "items": ["a/b", "../c", "//other.example/d", "mailto:x@y.z"]}"#
        let output = try processor(fields: [], follow: ["$.next", "$.items[*]"])
            .process(page(body, url: "https://api.example/v1/list/index.json"))
        #expect(output.links.map(\.absoluteString) == [
            "https://api.example/v1/list/index.json?offset=20",
            "https://api.example/v1/list/a/b",
            "https://api.example/v1/c",
            "https://other.example/d",
        ])
    }

    @Test("pages of other media types yield nothing")
    func nonJSONPage() throws {
        let json = try processor(fields: [("name", "$.name")])
        #expect(try json.process(page(Self.pokemon, contentType: "text/html")) == .empty)
        #expect(try json.process(page("<html></html>", contentType: "text/html")) == .empty)
        #expect(try json.process(page("just text", contentType: nil)) == .empty)
        #expect(try json.process(page("[INFO] not json", contentType: "text/plain")) == .empty)
    }

    @Test("JSON is sniffed when the Content-Type is missing or text/plain")
    func sniffing() throws {
        let json = try processor(fields: [("name", "$.name")])
        let expected = [Field(name: "name", value: .string("squirtle"))]
        #expect(try json.process(page(Self.pokemon, contentType: nil)).fields == expected)
        #expect(try json.process(page(" \n" + Self.pokemon, contentType: "text/plain; charset=utf-8")).fields == expected)
        var bom = page(Self.pokemon, contentType: nil)
        bom.body = [0xEF, 0xBB, 0xBF] + bom.body
        #expect(try json.process(bom).fields == expected)
    }

    @Test("any +json media type counts as JSON")
    func plusJSON() throws {
        let output = try processor(fields: [("name", "$.name")])
            .process(page(Self.pokemon, contentType: "application/ld+json"))
        #expect(output.fields == [Field(name: "name", value: .string("squirtle"))])
    }

    @Test("malformed JSON on a JSON page throws the parse error")
    func malformed() throws {
        let json = try processor(fields: [("name", "$.name")])
        #expect(throws: JSONParseError.self) { try json.process(page(#"{"name": "x",}"#)) }
        do {
            _ = try json.process(page(#"{"name" "x"}"#))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "invalid JSON at byte 8: expected ':'")
        }
    }

    @Test("with no fields and no follow queries, JSON pages are not parsed at all")
    func nothingAsked() throws {
        let output = try processor(fields: []).process(page(#"{"broken": "#))
        #expect(output == .empty)
    }

    @Test("the processor is named json")
    func name() throws {
        #expect(try processor(fields: []).name == "json")
    }
}
