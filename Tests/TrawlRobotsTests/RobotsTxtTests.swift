import TrawlRobots
import Testing

@Suite struct RobotsTxtTests {
    static let groupedFile = """
        User-agent: *
        Disallow: /star/

        User-agent: FooBot
        User-agent: BarBot
        Disallow: /foobar/

        User-agent: BazBot
        Disallow: /baz/
        Allow: /baz/ok/

        user-agent: foobot
        disallow: /foo-second/

        User-agent: EmptyBot
        Disallow:

        User-agent: Qux/2.1
        User-agent: Long Name Bot
        Disallow: /qux/
        """

    struct AgentCase: Sendable, CustomTestStringConvertible {
        let agent: String
        let path: String
        let isAllowed: Bool
        var testDescription: String { "\(agent) \(path) → \(isAllowed ? "allow" : "disallow")" }
    }

    static let agentCases: [AgentCase] = [
        AgentCase(agent: "FooBot", path: "/foobar/x", isAllowed: false),
        AgentCase(agent: "FooBot", path: "/foo-second/", isAllowed: false),
        AgentCase(agent: "FooBot", path: "/star/", isAllowed: true),
        AgentCase(agent: "BarBot", path: "/foobar/", isAllowed: false),
        AgentCase(agent: "BarBot", path: "/foo-second/", isAllowed: true),
        AgentCase(agent: "BazBot", path: "/baz/x", isAllowed: false),
        AgentCase(agent: "BazBot", path: "/baz/ok/x", isAllowed: true),
        AgentCase(agent: "foobot", path: "/foobar/", isAllowed: false),
        AgentCase(agent: "FOOBOT", path: "/foo-second/x", isAllowed: false),
        AgentCase(agent: "FooBot/2.0", path: "/foobar/", isAllowed: false),
        AgentCase(agent: "OtherBot", path: "/star/x", isAllowed: false),
        AgentCase(agent: "OtherBot", path: "/foobar/", isAllowed: true),
        AgentCase(agent: "Foo", path: "/foobar/", isAllowed: true),
        AgentCase(agent: "Foo", path: "/star/", isAllowed: false),
        AgentCase(agent: "EmptyBot", path: "/star/", isAllowed: true),
        AgentCase(agent: "Qux", path: "/qux/", isAllowed: false),
        AgentCase(agent: "qux", path: "/star/", isAllowed: true),
        AgentCase(agent: "Long", path: "/qux/", isAllowed: false),
        AgentCase(agent: "", path: "/star/", isAllowed: false),
        AgentCase(agent: "*", path: "/star/", isAllowed: false),
    ]

    @Test("the groups naming the agent are merged; * applies only when none names it", arguments: agentCases)
    func groupSelection(_ testCase: AgentCase) {
        #expect(isAllowed(Self.groupedFile, agent: testCase.agent, testCase.path) == testCase.isAllowed)
    }

    @Test("without a matching or * group everything is allowed")
    func noGroupApplies() {
        let robots = "User-agent: FooBot\nDisallow: /\nUser-agent: BarBot\nDisallow: /\n"
        #expect(RobotsTxt(robots).rules(for: "QuxBot") == .allowAll)
        #expect(RobotsTxt("").rules(for: "QuxBot") == .allowAll)
    }

    @Test("rules before the first user-agent line belong to no group")
    func rulesOutsideGroups() {
        let robots = "Disallow: /early/\nAllow: /x\n\nUser-agent: *\nDisallow: /late/\n"
        #expect(isAllowed(robots, "/early/page"))
        #expect(!isAllowed(robots, "/late/page"))
    }

    @Test("blank lines, sitemaps and unknown lines do not end a group's user-agent lines")
    func otherLinesKeepTheGroup() {
        let robots = """
            User-agent: BarBot

            Sitemap: https://example.com/sitemap.xml
            Invalid-Unknown-Line: unknown
            User-agent: *

            Disallow: /
            """
        #expect(!isAllowed(robots, agent: "BarBot", "/a"))
        #expect(!isAllowed(robots, agent: "FooBot", "/a"))
    }

    @Test("a user-agent line after a rule starts a new group")
    func newGroupAfterRule() {
        let robots = "User-agent: a\nDisallow: /x\nUser-agent: b\nDisallow: /y\n"
        #expect(!isAllowed(robots, agent: "a", "/x"))
        #expect(isAllowed(robots, agent: "a", "/y"))
        #expect(isAllowed(robots, agent: "b", "/x"))
        #expect(!isAllowed(robots, agent: "b", "/y"))
    }

    @Test("* with a trailing comment or words is still every crawler; *bot is nobody")
    func starVariants() {
        #expect(!isAllowed("User-agent: * # everyone\nDisallow: /\n", "/a"))
        #expect(!isAllowed("User-agent: * everyone\nDisallow: /\n", "/a"))
        #expect(isAllowed("User-agent: *bot\nDisallow: /\n", "/a"))
    }

    @Test("keys are case-insensitive and Google's frequent misspellings are understood")
    func keySpelling() {
        #expect(!isAllowed("USER-AGENT: FooBot\nDISALLOW: /a\n", "/a"))
        #expect(isAllowed("uSeR-aGeNt: FooBot\nDisallow: /\nAlLoW: /a\n", "/a"))
        #expect(!isAllowed("useragent: FooBot\nDissallow: /a\n", "/a"))
        #expect(!isAllowed("User agent: FooBot\nDisalow: /a\n", "/a"))
        #expect(isAllowed("User-agent-x: FooBot\nDisallow: /a\n", "/a"))
        #expect(isAllowed("User-agent: FooBot\nDisallowed: /a\n", "/a"))
    }

    @Test("user-agent values are matched case-insensitively")
    func agentValueCase() {
        for value in ["FOO BAR", "foo bar", "FoO bAr", "foo/1.0"] {
            let robots = "User-Agent: \(value)\nAllow: /x/\nDisallow: /\n"
            #expect(isAllowed(robots, agent: "Foo", "/x/y"))
            #expect(!isAllowed(robots, agent: "foo", "/a/b"))
        }
    }
}
