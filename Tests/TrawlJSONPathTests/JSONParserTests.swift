import Testing
import TrawlCore
import TrawlJSONPath

@Suite struct JSONParserTests {
    private func parseError(_ text: String) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("parses every kind of value")
    func valueKinds() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse("true") == .bool(true))
        #expect(try JSONParser.parse("false") == .bool(false))
        #expect(try JSONParser.parse("7") == .number("7"))
        #expect(try JSONParser.parse("\"hi\"") == .string("hi"))
        #expect(try JSONParser.parse("[]") == .array([]))
        #expect(try JSONParser.parse("{}") == .object([]))
        let nested = try JSONParser.parse(#" { "a" : [1, {"b": null}, "c"], "d": {} } "#)
        #expect(
            nested == .object([
                JSONMember(key: "a", value: .array([.number("1"), .object([JSONMember(key: "b", value: .null)]), .string("c")])),
                JSONMember(key: "d", value: .object([])),
            ]))
    }

    @Test("keeps object members in order, duplicates included, and lookups take the first")
    func duplicateKeys() throws {
        let value = try JSONParser.parse(#"{"b":1,"a":2,"b":3}"#)
        #expect(value == .object([
            JSONMember(key: "b", value: .number("1")), JSONMember(key: "a", value: .number("2")),
            JSONMember(key: "b", value: .number("3")),
        ]))
        #expect(value["b"] == .number("1"))
    }

    @Test("parses bytes and text alike")
    func bytesAndText() throws {
        #expect(try JSONParser.parse(Array("[1,\"é\"]".utf8)) == .array([.number("1"), .string("é")]))
    }

    @Test("decodes every string escape")
    func escapes() throws {
        let value = try JSONParser.parse(#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20AC""#)
        #expect(value == .string("\" \\ / \u{08} \u{0C} \n \r \t A é €"))
        #expect(try JSONParser.parse(#""\u0000""#) == .string("\u{0}"))
    }

    @Test("decodes surrogate pairs and rejects lone surrogates")
    func surrogates() throws {
        #expect(try JSONParser.parse(#""\uD83D\uDE00""#) == .string("😀"))
        #expect(try JSONParser.parse(#""a\ud83d\ude00b""#) == .string("a😀b"))
        #expect(parseError(#""\uD83D""#)?.code == .invalidString)
        #expect(parseError(#""\uD83Dx""#)?.code == .invalidString)
        #expect(parseError(#""\uD83D\u0041""#)?.code == .invalidString)
        #expect(parseError(#""\uDE00""#)?.code == .invalidString)
    }

    @Test("rejects bad escapes, control characters and invalid UTF-8 in strings")
    func badStrings() {
        #expect(parseError(#""\x""#)?.code == .invalidString)
        #expect(parseError(#""\u12G4""#)?.code == .invalidString)
        #expect(parseError("\"a\nb\"")?.code == .invalidString)
        #expect(parseError("\"abc")?.code == .unexpectedEnd)
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0x5C, 0x6E, 0xC3, 0x22]) }
    }

    @Test("keeps valid numbers as their literal text", arguments: [
        "0", "-0", "7", "-12", "1.5", "-0.25", "1e10", "1E+2", "2.5e-3", "123456789012345678901234567890",
    ])
    func validNumbers(_ literal: String) throws {
        #expect(try JSONParser.parse(literal) == .number(literal))
        #expect(try JSONParser.parse("[\(literal)]") == .array([.number(literal)]))
    }

    @Test("rejects numbers outside the grammar", arguments: [
        "01", "-", "+1", "1.", ".5", "1e", "1e+", "-a", "0x10", "1.5.2", "NaN", "Infinity", "--1", "00",
    ])
    func invalidNumbers(_ literal: String) {
        #expect(parseError(literal) != nil)
    }

    @Test("accepts nesting up to the depth limit and rejects one level more")
    func depthLimit() throws {
        let depth = JSONParser.maximumDepth
        let ok = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        _ = try JSONParser.parse(ok)
        let tooDeep = String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)
        let error = parseError(tooDeep)
        #expect(error?.code == .tooDeep)
        #expect(error?.offset == depth)
        #expect(parseError(String(repeating: "{\"a\":", count: 100_000))?.code == .tooDeep)
    }

    @Test("skips a UTF-8 byte order mark")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) == .object([]))
    }

    @Test("rejects trailing garbage but allows trailing whitespace")
    func trailingData() throws {
        #expect(try JSONParser.parse(" [1] \r\n\t") == .array([.number("1")]))
        #expect(parseError("[1] x")?.code == .trailingData)
        #expect(parseError("[1] x")?.offset == 4)
        #expect(parseError("{} {}")?.code == .trailingData)
    }

    @Test("rejects malformed structure")
    func malformed() {
        for text in ["", "   ", "[1,]", "[,1]", "{\"a\"}", "{\"a\":1,}", "{a:1}", "[1 2]", "tru", "nul", "[", "{\"a\":",
                     "'a'", "[1}", "{\"a\":1]", "\u{0B}1"] {
            #expect(parseError(text) != nil, "\(text)")
        }
    }

    @Test("names the byte offset and the problem in the error description")
    func errorOffsets() {
        let error = parseError(#"{"name": "x", "id" 5}"#)
        #expect(error?.offset == 19)
        #expect(error?.code == .unexpectedCharacter)
        #expect(error?.description == "invalid JSON at byte 19: expected ':'")
        #expect(parseError("[1, 2")?.description == "invalid JSON at byte 5: unexpected end of input")
        #expect(parseError("[1, 2 3]")?.description == "invalid JSON at byte 6: expected ',' or ']'")
        #expect(parseError("[tx]")?.offset == 2)
    }
}
