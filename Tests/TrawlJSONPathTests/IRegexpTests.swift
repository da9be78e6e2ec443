import Testing
@testable import TrawlJSONPath

@Suite struct IRegexpTests {
    private func matches(_ pattern: String, _ subject: String) throws -> Bool {
        try IRegexp(pattern).matchesWhole(subject)
    }

    private func finds(_ pattern: String, _ subject: String) throws -> Bool {
        try IRegexp(pattern).matchesPart(of: subject)
    }

    @Test("match must cover the whole subject, search any part of it")
    func anchoring() throws {
        #expect(try matches("ab*", "abbb"))
        #expect(try !matches("ab*", "xabbb"))
        #expect(try !matches("ab*", "abbbx"))
        #expect(try finds("ab*", "xabbbx"))
        #expect(try finds("", "anything"))
        #expect(try matches("", ""))
        #expect(try !finds("z", ""))
    }

    @Test("caret and dollar anchor at the subject's ends, as the compliance suite expects")
    func explicitAnchors() throws {
        #expect(try finds("^ab", "abc"))
        #expect(try !finds("^bc", "abc"))
        #expect(try finds("bc$", "abc"))
        #expect(try !finds("ab$", "abc"))
        #expect(try matches("\\^a", "^a"))
        #expect(try matches("[$]", "$"))
    }

    @Test("dot matches any scalar but CR and LF, astral ones as one")
    func dot() throws {
        #expect(try matches(".", "\u{2028}"))
        #expect(try matches("a.b", "a\u{1F600}b"))
        #expect(try matches(".", "e\u{301}") == false)
        #expect(try !matches(".", "\n"))
        #expect(try !matches(".", "\r"))
    }

    @Test("quantifiers, ranges and alternation behave like XSD regular expressions")
    func quantifiers() throws {
        #expect(try matches("a{2,3}", "aaa"))
        #expect(try !matches("a{2,3}", "aaaa"))
        #expect(try matches("a{2,}", "aaaaa"))
        #expect(try matches("(ab|cd)+e?", "abcdab"))
        #expect(try matches("colou?r", "color"))
        #expect(try !matches("(a|b)", "ab"))
        #expect(try matches("(a*)*", "aaaa"))
    }

    @Test("character classes take ranges, negation, escapes and literal dashes at the ends")
    func classes() throws {
        #expect(try matches("[a-c]+", "abcba"))
        #expect(try !matches("[^a-c]", "b"))
        #expect(try matches("[-a]", "-"))
        #expect(try matches("[a-]", "-"))
        #expect(try matches("a[.b]c", "a.c"))
        #expect(try !matches("a[.b]c", "axc"))
        #expect(try matches("a[\\].]c", "a]c"))
        #expect(try matches("[\\n\\t]", "\t"))
    }

    @Test("Unicode categories and their complements come from the scalar's properties")
    func categories() throws {
        #expect(try matches("\\p{Lu}", "Ä"))
        #expect(try !matches("\\p{Lu}", "ä"))
        #expect(try matches("\\P{Lu}", "ä"))
        #expect(try matches("\\p{L}+", "Ünïcödé"))
        #expect(try matches("\\p{Nd}\\p{Zs}\\p{Sc}", "5 €"))
        #expect(try matches("[\\p{Lu}0-9]+", "A1B2"))
    }

    @Test("patterns outside RFC 9485 are refused", arguments: [
        "(", ")", "a**", "[", "[]", "[a-b-c]", "[z-a]", "\\d", "\\w", "\\s", "\\b", "a{2,1}", "\\p{IsBasicLatin}",
        "\\p{Lx}", "(?:a)", "a{", "{1}", "[[]", "a|*", "\\",
    ])
    func invalid(_ pattern: String) {
        #expect(throws: IRegexpError.self) { try IRegexp(pattern) }
    }

    @Test("huge repetitions and deep nesting are refused instead of exhausting memory or stack")
    func limits() {
        #expect(throws: IRegexpError.self) { try IRegexp("(a{1000}){1000}") }
        #expect(throws: IRegexpError.self) {
            try IRegexp(String(repeating: "(", count: 10_000) + String(repeating: ")", count: 10_000))
        }
    }

    @Test("a pattern that backtracking engines take exponential time on is matched in linear time")
    func noCatastrophicBacktracking() throws {
        let subject = String(repeating: "a", count: 5_000) + "b"
        #expect(try !matches("(a|a)*(a*)*c", subject))
    }
}
