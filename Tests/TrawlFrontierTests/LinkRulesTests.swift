import Foundation
import Testing
import TrawlFrontier
import TrawlURL

@Suite struct LinkRulesTests {
    private static let scope = CrawlScope(allowedHosts: ["example.com", "www.example.com"])

    private func rules(
        include: [String] = [], exclude: [String] = [], stripQuery: [String] = [], sortQuery: Bool = false,
        maxURLLength: Int = LinkRules.defaultMaxURLLength, trapGuard: Bool = true
    ) throws(LinkRulesError) -> LinkRules {
        try LinkRules(
            scope: Self.scope, include: include, exclude: exclude, stripQuery: stripQuery, sortQuery: sortQuery,
            maxURLLength: maxURLLength, trapGuard: trapGuard)
    }

    /// The canonical string `rules` admits `string` under, or the drop reason's label.
    private func verdict(_ rules: LinkRules, _ string: String) throws -> String {
        switch rules.admit(try WebURL(string)) {
        case .admit(let canonical, _): return canonical
        case .drop(let reason): return reason.rawValue
        }
    }

    private func error(_ body: () throws(LinkRulesError) -> LinkRules) -> LinkRulesError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    // MARK: Scope and the admitted form

    @Test("a link in scope is admitted under its canonical string and host key")
    func admitsCanonical() throws {
        let admission = try rules().admit(try WebURL("HTTPS://WWW.Example.com:443/a/./b/../c?q=%7e#frag"))
        #expect(admission == .admit(canonical: "https://www.example.com/a/c?q=%7E", hostKey: "www.example.com"))
    }

    @Test("links to other hosts and non-http schemes are out of scope")
    func outOfScope() throws {
        let rules = try rules()
        #expect(try verdict(rules, "https://other.org/") == "out-of-scope")
        #expect(try verdict(rules, "https://sub.www.example.com/") == "out-of-scope")
        #expect(try verdict(rules, "mailto:me@example.com") == "out-of-scope")
        #expect(try verdict(rules, "ftp://example.com/file") == "out-of-scope")
    }

    @Test("allowed domains reach the rules through the scope")
    func domainScope() throws {
        var scope = CrawlScope(allowedHosts: [])
        try scope.allow(domain: "example.org")
        let rules = try LinkRules(scope: scope)
        #expect(try verdict(rules, "https://deep.sub.example.org/x") == "https://deep.sub.example.org/x")
        #expect(try verdict(rules, "https://notexample.org/x") == "out-of-scope")
    }

    // MARK: Include and exclude

    @Test("without patterns every in-scope link is admitted")
    func noPatterns() throws {
        #expect(try verdict(rules(), "https://example.com/anything?x=1") == "https://example.com/anything?x=1")
    }

    @Test("with includes a link must match at least one of them")
    func severalIncludes() throws {
        let rules = try rules(include: ["/blog/", "/docs/"])
        #expect(try verdict(rules, "https://example.com/blog/1") == "https://example.com/blog/1")
        #expect(try verdict(rules, "https://example.com/docs/api") == "https://example.com/docs/api")
        #expect(try verdict(rules, "https://example.com/shop/") == "excluded")
    }

    @Test("an exclude drops a link whatever the includes say")
    func excludeWins() throws {
        let rules = try rules(include: ["/blog/"], exclude: [#"\?replytocom="#, "/blog/drafts/"])
        #expect(try verdict(rules, "https://example.com/blog/post") == "https://example.com/blog/post")
        #expect(try verdict(rules, "https://example.com/blog/drafts/x") == "excluded")
        #expect(try verdict(rules, "https://example.com/blog/post?replytocom=5") == "excluded")
        #expect(try verdict(rules, "https://example.com/about") == "excluded")
    }

    @Test("anchors bind to the start and end of the canonical URL")
    func anchors() throws {
        let prefix = try rules(include: [#"^https://example\.com/docs/"#])
        #expect(try verdict(prefix, "https://example.com/docs/a") == "https://example.com/docs/a")
        #expect(try verdict(prefix, "http://example.com/docs/a") == "excluded")
        #expect(try verdict(prefix, "https://www.example.com/docs/a") == "excluded")
        let suffix = try rules(exclude: [#"\.pdf$"#])
        #expect(try verdict(suffix, "https://example.com/r.pdf") == "excluded")
        #expect(try verdict(suffix, "https://example.com/r.pdf?page=2") == "https://example.com/r.pdf?page=2")
        let whole = try rules(include: ["^https://example.com/$"])
        #expect(try verdict(whole, "https://example.com") == "https://example.com/")
        #expect(try verdict(whole, "https://example.com/x") == "excluded")
    }

    @Test("full ICU syntax works: classes, alternation, quantifiers, inline flags")
    func regexFeatures() throws {
        let rules = try rules(include: [#"/(tag|category)/[a-z-]+/?$"#, #"[?&]page=\d{1,2}(&|$)"#, "(?i)/ABOUT"])
        #expect(try verdict(rules, "https://example.com/tag/swift-lang/") == "https://example.com/tag/swift-lang/")
        #expect(try verdict(rules, "https://example.com/tag/Swift/") == "excluded")
        #expect(try verdict(rules, "https://example.com/list?page=12") == "https://example.com/list?page=12")
        #expect(try verdict(rules, "https://example.com/list?page=123") == "excluded")
        #expect(try verdict(rules, "https://example.com/about") == "https://example.com/about")
    }

    @Test("patterns see the canonical string: encoded, no fragment, lowercase host")
    func matchesCanonicalString() throws {
        let rules = try rules(include: ["^https://www.example.com/caf%C3%A9$"], exclude: ["#"])
        #expect(try verdict(rules, "https://WWW.EXAMPLE.COM/café#top") == "https://www.example.com/caf%C3%A9")
    }

    @Test("include and exclude run after query normalization")
    func matchesAfterNormalization() throws {
        let rules = try rules(exclude: ["utm_source"], stripQuery: ["utm_*"])
        #expect(try verdict(rules, "https://example.com/?utm_source=x&id=1") == "https://example.com/?id=1")
    }

    @Test("literal patterns give the same verdicts as ICU", arguments: [
        "/blog/", #"\.pdf$"#, #"^https://example\.com/"#, "^https://example.com/a$", #"\?x=1"#, "a b", #"\-"#,
    ])
    func literalsAgreeWithICU(pattern: String) throws {
        let urls = [
            "https://example.com/blog/x.pdf", "https://example.com/a", "http://example.com/a", "https://example.com/?x=1",
            "https://www.example.com/x-y.pdf?x=1", "https://example.com/a%20b", "https://example.com/xblog/",
        ]
        let rules = try rules(include: [pattern])
        let regex = try NSRegularExpression(pattern: pattern)
        for string in urls {
            let canonical = try WebURL(string).canonicalString
            let icu = regex.firstMatch(in: canonical, range: NSRange(location: 0, length: canonical.utf16.count)) != nil
            #expect((rules.admit(try WebURL(string)) != .drop(.excluded)) == icu, "\(pattern) on \(canonical)")
        }
    }

    @Test("a regex that does not compile is one line naming the flag, the pattern and the problem")
    func badRegex() {
        let include = error { () throws(LinkRulesError) in try rules(include: ["ok", "(unclosed"]) }
        #expect(include?.code == .invalidRegex)
        #expect(include?.description.hasPrefix("invalid --include regex '(unclosed': ") == true)
        #expect(include?.description.contains("\n") == false)
        #expect(include?.description.count ?? 0 > "invalid --include regex '(unclosed': ".count)
        let exclude = error { () throws(LinkRulesError) in try rules(exclude: ["[a-"]) }
        #expect(exclude?.description.hasPrefix("invalid --exclude regex '[a-': ") == true)
    }
}
