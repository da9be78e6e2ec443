import TrawlRobots
import Testing

@Suite struct RobotsPatternTests {
    static let wildcardCases: [MatchCase] = [
        MatchCase("Disallow: /*.php", "/index.php", false),
        MatchCase("Disallow: /*.php", "/a/b/index.php?x=1", false),
        MatchCase("Disallow: /*.php", "/index.html", true),
        MatchCase("Disallow: /*.php$", "/index.php", false),
        MatchCase("Disallow: /*.php$", "/index.php?x=1", true),
        MatchCase("Disallow: /*.php$", "/index.php5", true),
        MatchCase("Disallow: /fish*", "/fish", false),
        MatchCase("Disallow: /fish*", "/fishheads/x", false),
        MatchCase("Disallow: /fish*", "/Fish", true),
        MatchCase("Disallow: /fish/", "/fish", true),
        MatchCase("Disallow: /fish/", "/fish/salmon", false),
        MatchCase("Disallow: /*/temp/*.tmp$", "/a/temp/b/c.tmp", false),
        MatchCase("Disallow: /*/temp/*.tmp$", "/a/temp/b/c.tmp/x", true),
        MatchCase("Disallow: /a*b*c", "/aXXbYYc", false),
        MatchCase("Disallow: /a*b*c", "/aXXcYYb", true),
        MatchCase("Disallow: /*", "/anything", false),
        MatchCase("Disallow: *", "/x", false),
        MatchCase("Disallow: /$", "/", false),
        MatchCase("Disallow: /$", "/a", true),
        MatchCase("Disallow: /a$b", "/a$b", false),
        MatchCase("Disallow: /a$b", "/a", true),
        MatchCase("Disallow: /a**b", "/ab", false),
        MatchCase("Disallow: /a*$", "/a/b", false),
        MatchCase("Disallow: /a*c$", "/abc", false),
        MatchCase("Disallow: /a*c$", "/acb", true),
        MatchCase("Disallow: /a*c$", "/ac", false),
        MatchCase("Disallow: /a*a$", "/a", true),
        MatchCase("Disallow: /ab*ba$", "/aba", true),
        MatchCase("Disallow: /path?query", "/path?query=1", false),
        MatchCase("Disallow: /search?q=*&page=", "/search?q=x&page=2", false),
        MatchCase("Disallow: /search?q=*&page=", "/search?q=x", true),
        MatchCase("Disallow: fish/", "/fish/a", false),
        MatchCase("Disallow: /", "/", false),
        MatchCase("Disallow: /x/", "/X/y", true),
        MatchCase("Disallow: /a$", "/a#fragment", false),
        MatchCase("Disallow: /$", "", false),
        MatchCase("Disallow: /?", "?a=1", false),
    ]

    @Test("* matches any sequence, $ anchors at the end, the rest is a case-sensitive prefix",
          arguments: wildcardCases)
    func wildcards(_ testCase: MatchCase) {
        #expect(testCase.verdict().isAllowed == testCase.isAllowed)
    }

    static let encodingCases: [MatchCase] = [
        MatchCase("Disallow: /foo/bar/%62%61%7A", "/foo/bar/baz", false),
        MatchCase("Disallow: /foo/bar/baz", "/foo/bar/%62%61%7A", false),
        MatchCase("Disallow: /%7Euser", "/~user/x", false),
        MatchCase("Disallow: /~user", "/%7euser", false),
        MatchCase("Disallow: /foo/bar/ツ", "/foo/bar/%E3%83%84", false),
        MatchCase("Disallow: /foo/bar/%e3%83%84", "/foo/bar/%E3%83%84", false),
        MatchCase("Disallow: /foo/bar/%E3%83%84", "/foo/bar/ツ", false),
        MatchCase("Disallow: /foo/bar/%E3%83%84", "/foo/bar/%E3%83", true),
        MatchCase("Disallow: /a%2Fb", "/a/b", true),
        MatchCase("Disallow: /a%2fb", "/a%2Fb", false),
        MatchCase("Disallow: /a/b", "/a%2Fb", true),
        MatchCase("Disallow: /a b", "/a%20b", false),
        MatchCase("Disallow: /a%20b", "/a b", false),
        MatchCase("Disallow: /100%", "/100%25", false),
        MatchCase("Disallow: /100%25", "/100%", false),
        MatchCase("Disallow: /a%7Cb", "/a|b", false),
        MatchCase("Disallow: /%2A", "/*", true),
        MatchCase("Disallow: /%2A", "/%2a", false),
        MatchCase("Disallow: /a%24", "/a%24b", false),
        MatchCase("Disallow: /a%24", "/a", true),
        MatchCase("Disallow: /foo/bar?baz=http://foo.bar", "/foo/bar?baz=http://foo.bar&x", false),
    ]

    @Test("encoded unreserved characters equal themselves; other octets compare percent-encoded",
          arguments: encodingCases)
    func percentEncoding(_ testCase: MatchCase) {
        #expect(testCase.verdict().isAllowed == testCase.isAllowed)
    }

    @Test("many wildcards against a long path finish without backtracking blow-up", .timeLimit(.minutes(1)))
    func manyWildcards() {
        let pattern = "/" + String(repeating: "*a", count: 60) + "b"
        let rules = RobotsTxt("User-agent: *\nDisallow: \(pattern)\n").rules(for: "Trawl")
        let longPath = "/" + String(repeating: "a", count: 20_000)
        #expect(rules.evaluate(longPath).isAllowed)
        #expect(!rules.evaluate(longPath + "b").isAllowed)
    }
}

@Suite struct RobotsPatternReferenceTests {
    /// Whether `pattern` (over `a`, `b`, `*`, optional final `$`) matches a prefix of `path`, or all
    /// of it with `$`: the textbook dynamic-programming glob match, as a slow but obvious reference.
    private static func referenceMatch(_ pattern: [Character], _ path: [Character]) -> Bool {
        var pattern = pattern
        let anchored = pattern.last == "$"
        if anchored { pattern.removeLast() }
        // reachable[j]: the pattern so far can consume exactly path[..<j].
        var reachable = [true] + Array(repeating: false, count: path.count)
        for symbol in pattern {
            var next = Array(repeating: false, count: path.count + 1)
            for j in 0...path.count where reachable[j] {
                if symbol == "*" {
                    for k in j...path.count { next[k] = true }
                } else if j < path.count, path[j] == symbol {
                    next[j + 1] = true
                }
            }
            reachable = next
        }
        return anchored ? reachable[path.count] : reachable.contains(true)
    }

    @Test("wildcard matching agrees with a reference matcher on 8,000 random pattern–path pairs")
    func agreesWithReference() {
        var generator = SplitMix64(seed: 42)
        func randomString(_ alphabet: [Character], maxLength: Int) -> [Character] {
            let length = Int(generator.next() % UInt64(maxLength + 1))
            return (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        }
        var mismatches: [String] = []
        for _ in 0..<8_000 {
            var pattern: [Character] = ["/"] + randomString(["a", "b", "*"], maxLength: 6)
            if generator.next() % 3 == 0 { pattern.append("$") }
            let path: [Character] = ["/"] + randomString(["a", "b"], maxLength: 8)
            let rules = RobotsTxt("User-agent: *\nDisallow: \(String(pattern))\n").rules(for: "x")
            let matched = !rules.evaluate(String(path)).isAllowed
            if matched != Self.referenceMatch(pattern, path) {
                mismatches.append("\(String(pattern)) on \(String(path))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
