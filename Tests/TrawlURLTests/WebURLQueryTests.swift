import Testing
import TrawlURL

@Suite struct WebURLQueryTests {
    private func normalize(_ string: String, removing names: Set<String> = [], sort: Bool = false) throws -> String {
        try WebURL(string)
            .normalizingQuery(removingParametersWhere: { names.contains(String($0)) }, sortingByName: sort)
            .absoluteString
    }

    @Test("replacingQuery sets, encodes and removes the query and keeps the fragment")
    func replacingQuery() throws {
        let url = try WebURL("https://a.example/p?x=1#frag")
        #expect(try url.replacingQuery("b=2").absoluteString == "https://a.example/p?b=2#frag")
        #expect(try url.replacingQuery("q=a b\"<").absoluteString == "https://a.example/p?q=a%20b%22%3C#frag")
        #expect(try url.replacingQuery("q=%41'").absoluteString == "https://a.example/p?q=%41%27#frag")
        #expect(try url.replacingQuery("").absoluteString == "https://a.example/p?#frag")
        #expect(try url.replacingQuery(nil).absoluteString == "https://a.example/p#frag")
    }

    @Test("replacingQuery refuses a result longer than the maximum URL length")
    func replacingQueryTooLong() throws {
        let url = try WebURL("https://a.example/")
        #expect(throws: URLParseError.self) {
            try url.replacingQuery(String(repeating: "x", count: WebURL.maximumLength))
        }
    }

    @Test("normalizingQuery removes the chosen parameters and keeps the others' order")
    func removesParameters() throws {
        #expect(try normalize("http://a/?x=1&utm=2&y=3&utm=4", removing: ["utm"]) == "http://a/?x=1&y=3")
        #expect(try normalize("http://a/?utm&x", removing: ["utm"]) == "http://a/?x")
        #expect(try normalize("http://a/?x=1&y=2#f", removing: ["z"]) == "http://a/?x=1&y=2#f")
    }

    @Test("a query emptied by removal, or empty already, loses its question mark")
    func emptiedQuery() throws {
        #expect(try normalize("http://a/p?utm=1#f", removing: ["utm"]) == "http://a/p#f")
        #expect(try normalize("http://a/p?", removing: ["utm"]) == "http://a/p")
        #expect(try normalize("http://a/p?&&", sort: true) == "http://a/p")
        #expect(try normalize("http://a/p", sort: true) == "http://a/p")
    }

    @Test("sorting orders by name, keeps equal names' value order, and drops empty parameters")
    func sorts() throws {
        #expect(try normalize("http://a/?b=1&a=2&c&a=1&&b=0", sort: true) == "http://a/?a=2&a=1&b=1&b=0&c")
        #expect(try normalize("http://a/?B=1&a=1&_=1&1=1", sort: true) == "http://a/?1=1&B=1&_=1&a=1")
    }

    @Test("sorting compares percent-escapes as canonicalString writes them")
    func sortsEscapesCaseInsensitively() throws {
        // `%2f` and `%2F` are the same name once canonical, so their values keep document order.
        #expect(try normalize("http://a/?x%2f=1&x%2F=2&x%2f=3", sort: true) == "http://a/?x%2f=1&x%2F=2&x%2f=3")
        #expect(try normalize("http://a/?x%2F=2&x%2f=1", sort: true) == "http://a/?x%2F=2&x%2f=1")
    }

    @Test("form decoding of a name turns plus into space and decodes escapes as UTF-8")
    func formDecoding() {
        #expect(WebURL.formDecodedQueryName("a+b%20c") == "a b c")
        #expect(WebURL.formDecodedQueryName("utm%5Fsource") == "utm_source")
        #expect(WebURL.formDecodedQueryName("%C3%A9t%C3%A9") == "été")
        #expect(WebURL.formDecodedQueryName("bad%zz") == "bad%zz")
    }
}
