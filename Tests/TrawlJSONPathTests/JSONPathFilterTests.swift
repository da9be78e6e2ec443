import Testing
import TrawlCore
import TrawlJSONPath

@Suite struct JSONPathFilterTests {
    static let catalog = """
        {"results": [
            {"name": "pen", "price": 2.5, "tags": ["office"], "stock": {"count": 10}},
            {"name": "lamp", "price": 39, "tags": ["home", "light"], "stock": {"count": 0}},
            {"name": "mug", "price": 9.99, "tags": [], "discontinued": true},
            {"name": "desk", "price": 1.2e2, "tags": ["office", "home"], "stock": null}
          ],
          "limit": 10, "featured": "lamp"}
        """

    private func names(_ query: String, _ document: String = catalog) throws -> [String] {
        try JSONPathQuery(query).evaluate(JSONParser.parse(document)).compactMap {
            if case .string(let name)? = $0["name"] { name } else { nil }
        }
    }

    private func run(_ query: String, _ document: String) throws -> [JSONValue] {
        try JSONPathQuery(query).evaluate(JSONParser.parse(document))
    }

    @Test("comparisons select the array elements whose members satisfy them")
    func comparisons() throws {
        #expect(try names("$.results[?@.price < 10]") == ["pen", "mug"])
        #expect(try names("$.results[?@.price >= 39]") == ["lamp", "desk"])
        #expect(try names("$.results[?@.price == 120]") == ["desk"])
        #expect(try names("$.results[?@.name != 'pen']") == ["lamp", "mug", "desk"])
        #expect(try names("$.results[?@.stock.count > 0]") == ["pen"])
        #expect(try names("$.results[?@.name > 'l']") == ["pen", "lamp", "mug"])
    }

    @Test("logical operators, negation and parentheses combine tests")
    func logic() throws {
        #expect(try names("$.results[?@.price < 10 && @.tags[0] == 'office']") == ["pen"])
        #expect(try names("$.results[?@.price < 5 || @.discontinued == true]") == ["pen", "mug"])
        #expect(try names("$.results[?!(@.price < 10)]") == ["lamp", "desk"])
        #expect(try names("$.results[?(@.price < 5 || @.price > 100) && @.tags[1]]") == ["desk"])
    }

    @Test("existence tests select nodes where a query finds something, null included")
    func existence() throws {
        #expect(try names("$.results[?@.discontinued]") == ["mug"])
        #expect(try names("$.results[?@.stock]") == ["pen", "lamp", "desk"])
        #expect(try names("$.results[?!@.stock]") == ["mug"])
        #expect(try names("$.results[?@.tags[*]]") == ["pen", "lamp", "desk"])
    }

    @Test("absolute queries inside a filter read from the root")
    func absoluteQueries() throws {
        #expect(try names("$.results[?@.name == $.featured]") == ["lamp"])
        #expect(try names("$.results[?@.stock.count < $.limit]") == ["lamp"])
        #expect(try names("$.results[?$.missing]").isEmpty)
    }

    @Test("filters apply to object member values and nest")
    func objectsAndNesting() throws {
        #expect(try run("$[?@ > 1]", #"{"a": 1, "b": 2, "c": 3}"#) == [.number("2"), .number("3")])
        #expect(try names("$.results[?@.tags[?@ == 'home']]") == ["lamp", "desk"])
        #expect(try run("$..[?@.id == 2].v", #"{"x": [{"id": 1, "v": "a"}, {"y": {"id": 2, "v": "b"}}]}"#)
            == [.string("b")])
    }

    @Test("numbers compare by exact value, not by text or through Double")
    func numbers() throws {
        let document = #"[1, 1.0, 10e-1, 0.1e1, -0, 0, 9007199254740993, 9007199254740992, 1e400]"#
        #expect(try run("$[?@ == 1]", document).count == 4)
        #expect(try run("$[?@ == -0]", document) == [.number("-0"), .number("0")])
        #expect(try run("$[?@ == 9007199254740993]", document) == [.number("9007199254740993")])
        #expect(try run("$[?@ > 9007199254740992]", document) == [.number("9007199254740993"), .number("1e400")])
        #expect(try run("$[?@ < -1e-400]", "[-1, 0, -1e-401]") == [.number("-1")])
    }

    @Test("strings compare by code point, never by canonical equivalence")
    func strings() throws {
        let document = #"["\u00e9", "e\u0301", "z", "\u00ff"]"#
        // JSONValue's own == is Swift's, which would call both spellings equal: compare bytes.
        let equal = try run("$[?@ == '\\u00e9']", document)
        #expect(equal.count == 1)
        #expect(equal.first?.stringValue.utf8.elementsEqual("\u{E9}".utf8) == true)
        #expect(try run("$[?@ > 'z']", document) == [.string("\u{E9}"), .string("\u{FF}")])
    }

    @Test("arrays and objects compare deeply, booleans and null only for equality")
    func structured() throws {
        let document = #"[{"a": [1, {"b": null}]}, {"a": [1, {"b": false}]}, [true], null]"#
        #expect(try run("$[?@.a == $[0].a]", document).count == 1)
        #expect(try run(#"$[?@ == $[0]]"#, #"[{"x": 1, "y": 2}, {"y": 2, "x": 1.0}, {"x": 1}]"#).count == 2)
        #expect(try run("$[?@ == null]", document) == [.null])
        #expect(try run("$[?@ < true]", "[false, true]").isEmpty)
        #expect(try run("$[?@ <= null]", "[null, 1]") == [.null])
    }

    @Test("Nothing equals only Nothing")
    func nothing() throws {
        let document = #"[{"a": 1}, {"b": 2}]"#
        #expect(try run("$[?@.a == @.c]", document) == [.object([JSONMember(key: "b", value: .number("2"))])])
        #expect(try run("$[?@.x <= @.y]", document).count == 2)
        #expect(try run("$[?@.x < @.y]", document).isEmpty)
        #expect(try run("$[?@.a != 1]", document).count == 1)
    }

    @Test("member names match by code point, not by canonical equivalence")
    func memberNames() throws {
        let document = #"{"\u00e9": 1, "x": {"\u00e9": 2}}"#
        #expect(try run("$['e\\u0301']", document).isEmpty)
        #expect(try run("$['\\u00e9']", document) == [.number("1")])
        #expect(try run("$[?@['e\\u0301'] == 2]", document).isEmpty)
        #expect(try run("$[?@['\\u00e9'] == 2]", document).count == 1)
    }

    @Test("blank space inside brackets makes a query non-singular, as RFC 9535's grammar says")
    func singularQueriesAreCompact() throws {
        let document = #"[{"a": 1}, {"a": [1]}]"#
        #expect(try run("$[?@['a'] == 1]", document).count == 1)
        #expect(try run("$[?@ ['a'][0] == 1]", document).count == 1)
        #expect(throws: JSONPathError.self) { try JSONPathQuery("$[?@[ 'a'] == 1]") }
        #expect(throws: JSONPathError.self) { try JSONPathQuery("$[?length(@[0 ]) == 1]") }
        #expect(try run("$[?@[ 'a' ]]", document).count == 2)
    }

    @Test("ill-formed filters are rejected when the query is compiled", arguments: [
        "$[?@.a == 01]", "$[?@.a == 1.]", "$[?@.a === 1]", "$[?@.a = 1]", "$[?!@.a == 1]",
        "$[?@.a && ]", "$[?(@.a]", "$[?true]", "$[?1 == 1 == 1]", "$[?@.* == 1]", "$[?@..a == 1]",
        "$[?@['a','b'] == 1]", "$[?@.a == True]", "$[?@.a == nul]", "$[?]", "$[?!!@.a]",
    ])
    func invalidFilters(_ query: String) {
        #expect(throws: JSONPathError.self) { try JSONPathQuery(query) }
    }
}
