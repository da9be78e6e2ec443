import Testing
import TrawlCore

@Suite struct ItemTests {
    @Test func jsonLineStartsWithURLAndKeepsFieldOrder() {
        let item = Item(url: "http://a.test/x", fields: [
            Field(name: "title", value: .string("He said \"hi\"\n")),
            Field(name: "height", value: .number("7")),
            Field(name: "tags", value: .array([.string("a"), .null, .bool(true)])),
        ])
        #expect(item.jsonLine == #"{"url":"http://a.test/x","title":"He said \"hi\"\n","height":7,"tags":["a",null,true]}"#)
    }

    @Test func controlCharactersAreEscaped() {
        var out = ""
        JSONValue.writeString("a\u{01}b\u{2028}é", to: &out)
        #expect(out == "\"a\\u0001b\\u2028é\"")
    }

    @Test func objectKeepsMemberOrder() {
        let value = JSONValue.object([
            JSONMember(key: "z", value: .number("1")), JSONMember(key: "a", value: .string("x")),
        ])
        #expect(value.jsonText == #"{"z":1,"a":"x"}"#)
        #expect(value["a"] == .string("x"))
        #expect(value["missing"] == nil)
    }
}

@Suite struct HTTPHeadersTests {
    @Test func lookupIsCaseInsensitiveAndKeepsDuplicates() {
        var headers: HTTPHeaders = [("Content-Type", "text/html; charset=UTF-8")]
        headers.add(name: "Set-Cookie", value: "a=1")
        headers.add(name: "set-cookie", value: "b=2")
        #expect(headers["content-type"] == "text/html; charset=UTF-8")
        #expect(headers.values(named: "SET-COOKIE") == ["a=1", "b=2"])
    }

    @Test func serializedFormRoundTrips() {
        let headers: HTTPHeaders = [("Location", "http://x.test/a:b"), ("X-Empty", "")]
        #expect(HTTPHeaders(serialized: headers.serialized) == headers)
    }

    @Test func mediaTypeParsesEssenceAndCharset() {
        let type = MediaType("Text/HTML ; Charset=\"iso-8859-1\"")
        #expect(type?.essence == "text/html")
        #expect(type?.charset == "iso-8859-1")
        #expect(type?.isHTML == true)
        #expect(MediaType("application/ld+json")?.isJSON == true)
        #expect(MediaType("") == nil)
    }
}
