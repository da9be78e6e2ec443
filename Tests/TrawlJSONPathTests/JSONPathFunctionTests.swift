import Testing
import TrawlCore
import TrawlJSONPath

@Suite struct JSONPathFunctionTests {
    static let feed = """
        {"items": [
            {"title": "Swift 6 released", "tags": ["swift", "release"], "url": "https://a.example/1"},
            {"title": "Ünïcödé", "tags": [], "url": "http://b.example/2"},
            {"title": "Crawlers", "tags": ["web"], "url": "https://a.example/3", "score": 7}
          ],
          "pattern": "https://a\\\\..*"}
        """

    private func titles(_ query: String) throws -> [String] {
        try JSONPathQuery(query).evaluate(JSONParser.parse(Self.feed)).compactMap {
            if case .string(let title)? = $0["title"] { title } else { nil }
        }
    }

    private func queryError(_ query: String) -> JSONPathError? {
        do {
            _ = try JSONPathQuery(query)
            return nil
        } catch {
            return error
        }
    }

    @Test("length counts Unicode scalars, array elements and object members")
    func length() throws {
        #expect(try titles("$.items[?length(@.title) == 7]") == ["Ünïcödé"])
        #expect(try titles("$.items[?length(@.tags) >= 1]") == ["Swift 6 released", "Crawlers"])
        #expect(try titles("$.items[?length(@) == 4]") == ["Crawlers"])
        #expect(try titles("$.items[?length(@.score) == 1]").isEmpty)
    }

    @Test("count counts the nodes of a query and value takes a single node's value")
    func countAndValue() throws {
        #expect(try titles("$.items[?match(count(@.tags[*]), 'a')]").isEmpty)
        #expect(try titles("$.items[?count(@.tags[*]) == 2]") == ["Swift 6 released"])
        #expect(try titles("$.items[?count(@..*) == 5]") == ["Swift 6 released", "Crawlers"])
        #expect(try titles("$.items[?value(@..score) == 7]") == ["Crawlers"])
        #expect(try titles("$.items[?value(@.tags[*]) == 'web']") == ["Crawlers"])
    }

    @Test("match is anchored, search is not, and a pattern may come from the document")
    func regularExpressions() throws {
        #expect(try titles("$.items[?match(@.url, 'https://a\\\\..*')]") == ["Swift 6 released", "Crawlers"])
        #expect(try titles("$.items[?match(@.url, 'a\\\\.example')]").isEmpty)
        #expect(try titles("$.items[?search(@.url, 'a\\\\.example')]") == ["Swift 6 released", "Crawlers"])
        #expect(try titles("$.items[?match(@.url, $.pattern)]") == ["Swift 6 released", "Crawlers"])
        #expect(try titles("$.items[?search(@.title, '^C')]") == ["Crawlers"])
        #expect(try titles("$.items[?search(@.title, '\\\\p{Lu}\\\\p{Ll}+$')]") == ["Ünïcödé", "Crawlers"])
    }

    @Test("a pattern that is not an I-Regexp makes match and search false, not an error")
    func invalidPatterns() throws {
        #expect(try titles("$.items[?search(@.title, '\\\\d')]").isEmpty)
        #expect(try titles("$.items[?!match(@.title, '(')]").count == 3)
        #expect(try titles("$.items[?search(@.title, 7)]").isEmpty)
    }

    @Test("ill-typed calls are rejected when the query is compiled", arguments: [
        "$[?length(@)]",  // ValueType result used as a test
        "$[?match(@, 'a') == true]",  // LogicalType result compared
        "$[?count(@) == 1 && length()]",  // wrong arity
        "$[?length(@, @) == 1]",
        "$[?count(1) == 1]",  // NodesType parameter given a literal
        "$[?length(@.*) == 1]",  // ValueType parameter given a non-singular query
        "$[?length(@.a == 1) == 1]",  // ValueType parameter given a logical expression
        "$[?count(length(@)) == 1]",  // NodesType parameter given a ValueType function
        "$[?nosuch(@) == 1]",  // unknown function
        "$[?length (@) == 1]",  // blank space before the parenthesis
        "$[?Length(@) == 1]",
    ])
    func illTyped(_ query: String) {
        #expect(queryError(query) != nil)
    }

    @Test("type errors name the problem")
    func typeErrorMessages() {
        #expect(queryError("$[?length(@)]")?.description
            == "invalid JSONPath '$[?length(@)]': the result of length() must be compared at 3")
        #expect(queryError("$[?@.* == 1]")?.description
            == "invalid JSONPath '$[?@.* == 1]': a query that can select several nodes cannot be compared at 3")
        #expect(queryError("$[?count(@, @) == 1]")?.code == .functionType)
    }

    @Test("expressions nested beyond the limit are refused, not a stack overflow")
    func nestingLimit() {
        let deep = "$[?" + String(repeating: "(", count: 10_000) + "@" + String(repeating: ")", count: 10_000) + "]"
        #expect(queryError(deep)?.code == .tooDeep)
        let nestedFilters = "$" + String(repeating: "[?@", count: 5_000) + String(repeating: "]", count: 5_000)
        #expect(queryError(nestedFilters)?.code == .tooDeep)
        #expect(queryError("$[?" + String(repeating: "(", count: 20) + "@" + String(repeating: ")", count: 20) + "]") == nil)
    }
}
