import TrawlRobots
import Testing

@Suite struct RobotsTxtParsingTests {
    private static let body = "User-agent: FooBot\nDisallow: /a\n"

    @Test("a UTF-8 byte order mark at the start is skipped, even a partial one")
    func byteOrderMark() {
        for bom: [UInt8] in [[0xEF, 0xBB, 0xBF], [0xEF, 0xBB], [0xEF]] {
            let robots = RobotsTxt(parsing: bom + Array(Self.body.utf8))
            #expect(!robots.rules(for: "FooBot").evaluate("/a").isAllowed)
        }
        #expect(!isAllowed("\u{FEFF}" + Self.body, "/a"))
    }

    @Test("a byte order mark that is broken or inside the file spoils only its own line")
    func misplacedByteOrderMark() {
        let broken = RobotsTxt(parsing: [0xEF, 0x11, 0xBF] + Array(Self.body.utf8))
        #expect(broken.rules(for: "FooBot") == .allowAll)
        #expect(isAllowed("User-agent: FooBot\n\u{FEFF}Disallow: /a\n", "/a"))
    }

    @Test("LF, CR, CRLF and mixed line ends all split lines and count line numbers alike",
          arguments: ["\n", "\r", "\r\n", "mixed"])
    func lineEnds(_ separator: String) throws {
        let lines = ["User-Agent: foo", "Allow: /some/path", "User-Agent: bar", "", "", "Disallow: /"]
        let text: String
        if separator == "mixed" {
            text = "User-Agent: foo\nAllow: /some/path\r\nUser-Agent: bar\n\r\n\rDisallow: /"
        } else {
            text = lines.joined(separator: separator) + separator
        }
        let robots = RobotsTxt(text)
        let rule = try #require(robots.rules(for: "bar").evaluate("/x").rule)
        #expect(rule.line == 6)
        #expect(rule.kind == .disallow)
        #expect(robots.rules(for: "foo").evaluate("/some/path").rule?.line == 2)
    }

    @Test("a last line without a line end is parsed")
    func noFinalNewline() {
        #expect(!isAllowed("User-agent: FooBot\nDisallow: /a", "/a"))
    }

    @Test("# starts a comment anywhere on a line")
    func comments() {
        let robots = """
            # Disallow: /everything
            User-agent: FooBot # our crawler
            Disallow: /foo/quz#qux
            Disallow: /b # the b folder
            #Allow: /b/
            """
        let rules = RobotsTxt(robots).rules(for: "FooBot")
        #expect(rules.rules.map(\.pattern) == ["/foo/quz", "/b"])
        #expect(!rules.evaluate("/foo/quz").isAllowed)
        #expect(rules.evaluate("/foo/bar").isAllowed)
        #expect(!rules.evaluate("/b/").isAllowed)
    }

    @Test("whitespace around keys, colons and values is ignored")
    func whitespace() {
        let rules = RobotsTxt("  User-agent :\tFooBot  \n\t Disallow  :   /x y   \n").rules(for: "FooBot")
        #expect(rules.rules == [RobotsRule(kind: .disallow, pattern: "/x y", line: 2)])
        #expect(!rules.evaluate("/x%20y").isAllowed)
    }

    @Test("lines without a colon, with an empty key or an unknown key are ignored")
    func malformedLines() {
        let robots = """
            User-agent: FooBot
            Disallow /no-colon
            : /empty-key
            Foo: /unknown
            Disallow: /real
            """
        let rules = RobotsTxt(robots).rules(for: "FooBot")
        #expect(rules.rules == [RobotsRule(kind: .disallow, pattern: "/real", line: 5)])
    }

    @Test("binary garbage and invalid UTF-8 yield no rules and no crash")
    func garbage() {
        var generator = SplitMix64(seed: 9309)
        let noise = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        #expect(RobotsTxt(parsing: noise).rules(for: "Trawl") == .allowAll)
        let invalid = Array("User-agent: *\nDisallow: /a".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        let rules = RobotsTxt(parsing: invalid).rules(for: "Trawl")
        #expect(!rules.evaluate("/a%FF%FE").isAllowed)
        #expect(rules.evaluate("/a").isAllowed)
    }

    struct DelayCase: Sendable, CustomTestStringConvertible {
        let value: String
        let seconds: Double?
        var testDescription: String { "Crawl-delay: \(value) → \(seconds.map { "\($0)" } ?? "ignored")" }
    }

    static let delayCases: [DelayCase] = [
        DelayCase(value: "10", seconds: 10), DelayCase(value: "0.5", seconds: 0.5),
        DelayCase(value: ".5", seconds: 0.5), DelayCase(value: "2.", seconds: 2),
        DelayCase(value: "  3  ", seconds: 3), DelayCase(value: "0", seconds: 0),
        DelayCase(value: "1 # slow", seconds: 1),
        DelayCase(value: "-1", seconds: nil), DelayCase(value: "+5", seconds: nil),
        DelayCase(value: "abc", seconds: nil), DelayCase(value: "1e3", seconds: nil),
        DelayCase(value: "inf", seconds: nil), DelayCase(value: "nan", seconds: nil),
        DelayCase(value: "10s", seconds: nil), DelayCase(value: "", seconds: nil),
        DelayCase(value: "1.2.3", seconds: nil), DelayCase(value: ".", seconds: nil),
        DelayCase(value: String(repeating: "9", count: 400), seconds: nil),
    ]

    @Test("Crawl-delay takes non-negative decimal seconds and ignores anything else", arguments: delayCases)
    func crawlDelayValues(_ testCase: DelayCase) {
        let robots = RobotsTxt("User-agent: FooBot\nCrawl-delay: \(testCase.value)\nDisallow: /x\n")
        #expect(robots.rules(for: "FooBot").crawlDelay == testCase.seconds)
    }

    @Test("Crawl-delay comes from the chosen group; merged groups give the largest")
    func crawlDelayGroups() {
        let robots = RobotsTxt("""
            Crawl-delay: 99
            User-agent: *
            Crawl-delay: 7
            User-agent: FooBot
            Disallow: /x
            User-agent: FooBot
            CRAWL-DELAY: 1.5
            User-agent: BarBot
            Crawl-delay: 2
            User-agent: foobot
            Crawl-delay: 4
            """)
        #expect(robots.rules(for: "FooBot").crawlDelay == 7)
        #expect(robots.rules(for: "BarBot").crawlDelay == 4)
        #expect(robots.rules(for: "QuxBot").crawlDelay == 7)
        #expect(RobotsTxt("User-agent: a\nCrawl-delay: 5\n").rules(for: "b").crawlDelay == nil)
    }

    @Test("Sitemap lines anywhere are collected in file order, trimmed, without comments")
    func sitemaps() {
        let robots = RobotsTxt("""
            Sitemap: https://example.com/one.xml
            User-agent: FooBot
            SITEMAP:   https://example.com/two.xml   # second
            Disallow: /
            Site-map: https://example.com/three.xml
            Sitemap:
            User-agent: *
            sitemap:https://example.com/four.xml?a=b:c
            """)
        #expect(robots.sitemaps == [
            "https://example.com/one.xml", "https://example.com/two.xml",
            "https://example.com/three.xml", "https://example.com/four.xml?a=b:c",
        ])
        #expect(!robots.rules(for: "FooBot").evaluate("/a").isAllowed)
        #expect(RobotsTxt("User-agent: *\nDisallow: /\n").sitemaps.isEmpty)
    }
}
