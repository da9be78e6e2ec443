import Testing
import TrawlCore
import TrawlJSONPath

/// Hostile depth must fail cleanly: documents in the parser, never by crashing the evaluator.
@Suite struct JSONPathDepthTests {
    @Test("a document nested 100,000 deep is invalid JSON, not a crash")
    func parserRejectsDeepDocuments() {
        for opener in ["[", "{\"a\":"] {
            let text = String(repeating: opener, count: 100_000)
            #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
            do {
                _ = try JSONParser.parse(text)
            } catch {
                #expect(error.code == .tooDeep)
            }
        }
    }

    /// Nested arrays, built without the parser so they can exceed its depth limit.
    private func chain(depth: Int, leaf: JSONValue) -> JSONValue {
        var value = leaf
        for _ in 0..<depth { value = .array([value]) }
        return value
    }

    @Test("descendant segments and filters walk documents deeper than the parser allows")
    func evaluatorIsIterative() throws {
        let depth = 3_000
        let document = chain(depth: depth, leaf: .object([JSONMember(key: "id", value: .number("7"))]))
        #expect(try JSONPathQuery("$..id").evaluate(document) == [.number("7")])
        #expect(try JSONPathQuery("$..[?@.id == 7]").evaluate(document).count == 1)
        #expect(try JSONPathQuery("$..*").evaluate(document).count == depth + 1)
    }

    @Test("deep equality in a comparison does not recurse per level")
    func deepEquality() throws {
        let depth = 3_000
        let left = chain(depth: depth, leaf: .number("1"))
        let right = chain(depth: depth, leaf: .number("1.0"))
        let different = chain(depth: depth, leaf: .number("2"))
        let document = JSONValue.array([left, right, different])
        #expect(try JSONPathQuery("$[?@ == $[0]]").evaluate(document).count == 2)
    }
}
