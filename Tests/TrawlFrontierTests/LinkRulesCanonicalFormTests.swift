import Testing
import TrawlFrontier
import TrawlURL

/// `--strip-query`, `--sort-query`, `--max-url-length` and the trap guard.
@Suite struct LinkRulesCanonicalFormTests {
    private func rules(
        stripQuery: [String] = [], sortQuery: Bool = false, maxURLLength: Int = LinkRules.defaultMaxURLLength,
        trapGuard: Bool = true, exclude: [String] = []
    ) throws -> LinkRules {
        try LinkRules(
            scope: CrawlScope(allowedHosts: ["a.example"]), exclude: exclude, stripQuery: stripQuery,
            sortQuery: sortQuery, maxURLLength: maxURLLength, trapGuard: trapGuard)
    }

    private func verdict(_ rules: LinkRules, _ string: String) throws -> String {
        switch rules.admit(try WebURL(string)) {
        case .admit(let canonical, _): return canonical
        case .drop(let reason): return reason.rawValue
        }
    }

    /// `http://a.example` plus `segments` joined by `/`.
    private func path(_ segments: [String]) -> String {
        "http://a.example/" + segments.joined(separator: "/")
    }

    // MARK: Strip and sort

    @Test("strip-query removes a parameter by exact name, every occurrence")
    func stripExact() throws {
        let rules = try rules(stripQuery: ["sid"])
        #expect(try verdict(rules, "http://a.example/p?a=1&sid=9&b=2&sid=8") == "http://a.example/p?a=1&b=2")
        #expect(try verdict(rules, "http://a.example/p?sidx=1&xsid=2&SID=3") == "http://a.example/p?sidx=1&xsid=2&SID=3")
    }

    @Test("strip-query globs: star for any run, question mark for one character, whole name")
    func stripGlobs() throws {
        let rules = try rules(stripQuery: ["utm_*", "v?", "*_ref"])
        #expect(
            try verdict(rules, "http://a.example/?utm_source=x&utm_=y&xutm_a=1&v1=2&v12=3&v=4&src_ref=5&_ref=6&ref=7")
                == "http://a.example/?xutm_a=1&v12=3&v=4&ref=7")
    }

    @Test("strip-query matches encoded names by their decoded form too")
    func stripDecodedNames() throws {
        let rules = try rules(stripQuery: ["utm_*", "session id"])
        #expect(
            try verdict(rules, "http://a.example/?utm%5Fmedium=1&session+id=2&session%20id=3&keep=4")
                == "http://a.example/?keep=4")
    }

    @Test("a query emptied by strip-query loses its question mark")
    func emptiedQuery() throws {
        let rules = try rules(stripQuery: ["utm_*", "fbclid"])
        #expect(try verdict(rules, "http://a.example/p?utm_source=x&fbclid=y#f") == "http://a.example/p")
        #expect(try verdict(rules, "http://a.example/p?") == "http://a.example/p")
    }

    @Test("without query options the query is kept exactly, empty parameters and order included")
    func queryUntouched() throws {
        #expect(try verdict(rules(), "http://a.example/?b=1&&a=2&") == "http://a.example/?b=1&&a=2&")
        #expect(try verdict(rules(), "http://a.example/?") == "http://a.example/?")
    }

    @Test("sort-query orders parameters by name and keeps repeated names' values in order")
    func sortStable() throws {
        let rules = try rules(sortQuery: true)
        #expect(try verdict(rules, "http://a.example/?z=1&a=3&m&a=1&a=2") == "http://a.example/?a=3&a=1&a=2&m&z=1")
    }

    @Test("sort-query makes parameter order irrelevant for deduplication")
    func sortDedups() throws {
        let rules = try rules(sortQuery: true)
        #expect(try verdict(rules, "http://a.example/?b=2&a=1") == verdict(rules, "http://a.example/?a=1&b=2"))
    }

    @Test("strip and sort together strip first, then sort the rest")
    func stripThenSort() throws {
        let rules = try rules(stripQuery: ["utm_*"], sortQuery: true)
        #expect(try verdict(rules, "http://a.example/?utm_a=1&c=3&utm_b=2&b=2&a=1") == "http://a.example/?a=1&b=2&c=3")
        #expect(try verdict(rules, "http://a.example/?utm_a=1") == "http://a.example/")
    }

    @Test("normalized applies the query options to any URL, for seeds")
    func normalizedForSeeds() throws {
        let rules = try rules(stripQuery: ["utm_*"], sortQuery: true)
        let seed = rules.normalized(try WebURL("https://elsewhere.example/?utm_x=1&b=1&a=2#f"))
        #expect(seed.absoluteString == "https://elsewhere.example/?a=2&b=1#f")
    }

    @Test("an empty strip-query pattern is an error naming the flag")
    func emptyStripPattern() {
        #expect(throws: LinkRulesError(.invalidQueryPattern, "invalid --strip-query '': expected a parameter name or glob")) {
            try rules(stripQuery: ["utm_*", ""])
        }
    }

    // MARK: Length

    @Test("a canonical URL of exactly the maximum length is admitted, one byte more is too long")
    func lengthBoundary() throws {
        let rules = try rules(maxURLLength: 40)
        let exact = "http://a.example/" + String(repeating: "x", count: 40 - 17)
        #expect(exact.utf8.count == 40)
        #expect(try verdict(rules, exact) == exact)
        #expect(try verdict(rules, exact + "y") == "too-long")
    }

    @Test("length is measured in bytes of the canonical string, after the query options")
    func lengthAfterNormalization() throws {
        let rules = try rules(stripQuery: ["junk"], maxURLLength: 30)
        // `é` is six bytes once percent-encoded; the fragment does not count.
        #expect(try verdict(rules, "http://a.example/éé#" + String(repeating: "f", count: 50)) == "http://a.example/%C3%A9%C3%A9")
        #expect(try verdict(rules, "http://a.example/ééé") == "too-long")
        #expect(try verdict(rules, "http://a.example/?junk=" + String(repeating: "j", count: 50)) == "http://a.example/")
    }

    @Test("the default maximum length is 2,048 bytes")
    func defaultLength() throws {
        let rules = try rules()
        let base = "http://a.example/"
        let atLimit = base + String(repeating: "x", count: 2_048 - base.utf8.count)
        #expect(rules.maxURLLength == 2_048)
        #expect(try verdict(rules, atLimit) == atLimit)
        #expect(try verdict(rules, atLimit + "x") == "too-long")
    }

    @Test("a maximum length below one is an error naming the flag")
    func badLength() {
        #expect(throws: LinkRulesError(.invalidLimit, "--max-url-length must be at least 1, got 0")) {
            try rules(maxURLLength: 0)
        }
    }

    // MARK: Trap guard

    @Test("a segment repeated three times in a row is fine, four times is a trap")
    func repeatedSegments() throws {
        let rules = try rules()
        #expect(try verdict(rules, "http://a.example/x/a/a/a/") == "http://a.example/x/a/a/a/")
        #expect(try verdict(rules, "http://a.example/x/a/a/a/a/") == "trap")
        #expect(try verdict(rules, "http://a.example/a/a/a/a") == "trap")
    }

    @Test("repeats must be consecutive and identical as written")
    func repeatsConsecutiveAndExact() throws {
        let rules = try rules()
        let alternating = "http://a.example/a/b/a/b/a/b/a/b/a/b"
        #expect(try verdict(rules, alternating) == alternating)
        #expect(try verdict(rules, "http://a.example/a/A/a/a/a/x") == "http://a.example/a/A/a/a/a/x")
        #expect(try verdict(rules, "http://a.example/p//////x") == "trap")
    }

    @Test("32 path segments are fine, 33 are a trap, and a trailing slash adds none")
    func segmentCount() throws {
        let rules = try rules()
        let segments = (1...33).map(String.init)
        #expect(try verdict(rules, path(Array(segments.prefix(32)))) == path(Array(segments.prefix(32))))
        #expect(try verdict(rules, path(Array(segments.prefix(32))) + "/") == path(Array(segments.prefix(32))) + "/")
        #expect(try verdict(rules, path(segments)) == "trap")
    }

    @Test("the query does not count toward the path's segments")
    func queryNotPath() throws {
        let rules = try rules()
        let url = "http://a.example/a?next=/a/a/a/a/a/" + (1...40).map(String.init).joined(separator: "/")
        #expect(try verdict(rules, url) == url)
    }

    @Test("with the trap guard off, trap paths are admitted")
    func guardOff() throws {
        let rules = try rules(trapGuard: false)
        let segments = (1...40).map(String.init)
        #expect(try verdict(rules, "http://a.example/a/a/a/a/a/a") == "http://a.example/a/a/a/a/a/a")
        #expect(try verdict(rules, path(segments)) == path(segments))
    }

    // MARK: Order of the checks

    @Test("checks run in order: scope, then length, then trap, then exclude")
    func checkOrder() throws {
        let rules = try rules(maxURLLength: 40, exclude: ["a"])
        let longTrap = "http://a.example/a/a/a/a/a/" + String(repeating: "x", count: 30)
        #expect(try verdict(rules, "http://b.example/" + String(repeating: "x", count: 50)) == "out-of-scope")
        #expect(try verdict(rules, longTrap) == "too-long")
        #expect(try verdict(rules, "http://a.example/a/a/a/a/") == "trap")
        #expect(try verdict(rules, "http://a.example/a/") == "excluded")
    }
}
