import Testing
import TrawlCore
import TrawlJSONPath

@Suite struct JSONPathQueryTests {
    static let store = """
        {"store": {"book": [
            {"title": "A", "price": 8},
            {"title": "B", "price": 12, "isbn": "x"},
            {"title": "C", "price": 9}
          ], "bicycle": {"color": "red", "price": 20}}, "o": {"j j": {"k.k": 3}, "'": 1}}
        """

    private func run(_ query: String, _ document: String = store) throws -> [JSONValue] {
        try JSONPathQuery(query).evaluate(JSONParser.parse(document))
    }

    private func queryError(_ query: String) -> JSONPathError? {
        do {
            _ = try JSONPathQuery(query)
            return nil
        } catch {
            return error
        }
    }

    @Test("the root query selects the whole document")
    func root() throws {
        #expect(try run("$", "[1]") == [.array([.number("1")])])
    }

    @Test("dot and bracket name selectors select a member, quotes and escapes included")
    func names() throws {
        #expect(try run("$.store.bicycle.color") == [.string("red")])
        #expect(try run("$['store'][\"bicycle\"]['color']") == [.string("red")])
        #expect(try run("$.o['j j']['k.k']") == [.number("3")])
        #expect(try run("$.o['\\'']") == [.number("1")])
        #expect(try run("$['\\u00e9']", #"{"é": true}"#) == [.bool(true)])
        #expect(try run("$.é", #"{"é": true}"#) == [.bool(true)])
        #expect(try run("$.missing").isEmpty)
        #expect(try run("$.store.book.title").isEmpty)
    }

    @Test("a name selector takes the first of duplicate keys")
    func duplicateKeys() throws {
        #expect(try run("$.a", #"{"a": 1, "a": 2}"#) == [.number("1")])
    }

    @Test("wildcards select array elements and member values in order")
    func wildcards() throws {
        #expect(try run("$.store.book[*].title") == [.string("A"), .string("B"), .string("C")])
        #expect(try run("$.store.bicycle.*") == [.string("red"), .number("20")])
        #expect(try run("$[*]", "7").isEmpty)
    }

    @Test("indices select elements, negative ones from the end, out of range none")
    func indices() throws {
        #expect(try run("$[0]", "[1,2,3]") == [.number("1")])
        #expect(try run("$[-1]", "[1,2,3]") == [.number("3")])
        #expect(try run("$[-3]", "[1,2,3]") == [.number("1")])
        #expect(try run("$[3]", "[1,2,3]").isEmpty)
        #expect(try run("$[-4]", "[1,2,3]").isEmpty)
        #expect(try run("$[0]", #"{"0": 1}"#).isEmpty)
    }

    @Test("slices follow RFC 9535, including negative steps", arguments: [
        ("$[1:3]", [1, 2]), ("$[:2]", [0, 1]), ("$[3:]", [3, 4]), ("$[::2]", [0, 2, 4]),
        ("$[-2:]", [3, 4]), ("$[::-1]", [4, 3, 2, 1, 0]), ("$[3:0:-2]", [3, 1]),
        ("$[1:2:0]", []), ("$[10:]", []), ("$[-10:2]", [0, 1]), ("$[4:1:-1]", [4, 3, 2]),
        ("$[ 1 : 3 : 1 ]", [1, 2]), ("$[:]", [0, 1, 2, 3, 4]),
    ])
    func slices(_ query: String, _ expected: [Int]) throws {
        #expect(try run(query, "[0,1,2,3,4]") == expected.map { .number(String($0)) })
    }

    @Test("several selectors in one bracket concatenate their results")
    func multipleSelectors() throws {
        #expect(try run("$[0, -1, 0]", "[1,2,3]") == [.number("1"), .number("3"), .number("1")])
        #expect(try run("$['a', *]", #"{"a": 1, "b": 2}"#) == [.number("1"), .number("1"), .number("2")])
        #expect(try run("$[1:, 0]", "[1,2,3]") == [.number("2"), .number("3"), .number("1")])
    }

    @Test("descendant segments visit the node and everything below it, parents first")
    func descendants() throws {
        #expect(try run("$..price") == [.number("8"), .number("12"), .number("9"), .number("20")])
        #expect(try run("$..[0]", "[[1, [2]], 3]") == [.array([.number("1"), .array([.number("2")])]), .number("1"), .number("2")])
        #expect(try run("$..*", #"{"a": [1], "b": 2}"#) == [.array([.number("1")]), .number("2"), .number("1")])
        #expect(try run("$.store..['title', 'color']") == [.string("A"), .string("B"), .string("C"), .string("red")])
    }

    @Test("whitespace is allowed between segments and inside brackets only")
    func whitespace() throws {
        #expect(try run("$ .store [ 'bicycle' ] .color") == [.string("red")])
        #expect(queryError(" $")?.code == .whitespace)
        #expect(queryError("$ ")?.code == .whitespace)
        #expect(queryError("$. a")?.code == .whitespace)
        #expect(queryError("$.. a")?.code == .whitespace)
        #expect(queryError("$.. ['a']")?.code == .whitespace)
    }

    @Test("integers must be canonical and within ±(2^53-1)", arguments: [
        "$[01]", "$[-0]", "$[1.0]", "$[1e2]", "$[9007199254740992]", "$[-9007199254740992]",
        "$[0:-0]", "$[::01]", "$[- 1]",
    ])
    func invalidIntegers(_ query: String) {
        #expect(queryError(query) != nil)
    }

    @Test("the largest allowed integers parse")
    func integerBounds() throws {
        #expect(try run("$[9007199254740991]", "[1]").isEmpty)
        #expect(try run("$[-9007199254740991:]", "[1]") == [.number("1")])
    }

    @Test("string literals reject bad escapes, control characters and lone surrogates", arguments: [
        #"$["\'"]"#, #"$['\"']"#, #"$['\x']"#, "$['\u{01}']", #"$['\uD800']"#, #"$['\uDC00']"#,
        #"$['\u12']"#, "$['a", "$[\"a']",
    ])
    func invalidStrings(_ query: String) {
        #expect(queryError(query) != nil)
    }

    @Test("errors name the query and the position", arguments: [
        ("$.a[", "invalid JSONPath '$.a[': unexpected end at 4"),
        ("a", "invalid JSONPath 'a': expected '$' at 0"),
        ("$a", "invalid JSONPath '$a': expected '.', '..' or '[' at 1"),
        ("$[1 2]", "invalid JSONPath '$[1 2]': expected ',' or ']' at 4"),
        ("$.1", "invalid JSONPath '$.1': expected a member name or '*' at 2"),
        ("$[]", "invalid JSONPath '$[]': expected a selector at 2"),
        ("$..", "invalid JSONPath '$..': unexpected end at 3"),
        ("$[#]", "invalid JSONPath '$[#]': unexpected character '#' at 2"),
    ])
    func errors(_ query: String, _ message: String) {
        #expect(queryError(query)?.description == message)
    }

    @Test("queries compare and print by their text")
    func identity() throws {
        #expect(try JSONPathQuery("$.a") == JSONPathQuery("$.a"))
        #expect(try JSONPathQuery("$.a").description == "$.a")
        #expect(try Set([JSONPathQuery("$.a"), JSONPathQuery("$.a")]).count == 1)
    }
}
