import TrawlRobots
import Testing

@Suite struct RobotsRulesTests {
    static let precedenceCases: [MatchCase] = [
        MatchCase("Allow: /p\nDisallow: /", "/page", true),
        MatchCase("Allow: /folder\nDisallow: /folder/", "/folder/page", false),
        MatchCase("Disallow: /x/page.html\nAllow: /x/", "/x/page.html", false),
        MatchCase("Allow: /x/page.html\nDisallow: /x/", "/x/page.html", true),
        MatchCase("Allow: /x/page.html\nDisallow: /x/", "/x/", false),
        MatchCase("Disallow: /\nAllow: /", "/a", true),
        MatchCase("Disallow: /x/page.html\nAllow: /x/page.html", "/x/page.html", true),
        MatchCase("Allow: /$\nDisallow: /", "/", true),
        MatchCase("Allow: /$\nDisallow: /", "/page", false),
        MatchCase("Allow: /page\nDisallow: /*.html", "/page.html", false),
        MatchCase("Allow: /page\nDisallow: /*.html", "/page", true),
        MatchCase("Allow: /x/page.\nDisallow: /*.html", "/x/page.html", true),
        MatchCase("Allow: /x/page.\nDisallow: /*.html", "/x/y.html", false),
        MatchCase("Disallow: /a*\nAllow: /a/", "/a/b", true),
        MatchCase("Disallow: /x\nAllow: /x/", "/x", false),
        MatchCase("Disallow: /x\nAllow: /x/", "/x/", true),
        MatchCase("Allow: /%41\nDisallow: /A", "/A", true),
        MatchCase("Disallow:\nAllow:", "/anything", true),
        MatchCase("Disallow:", "/anything", true),
        MatchCase("Allow: /public/\nDisallow: /", "/public", false),
    ]

    @Test("the longest matching pattern decides and Allow wins a tie", arguments: precedenceCases)
    func precedence(_ testCase: MatchCase) {
        #expect(testCase.verdict().isAllowed == testCase.isAllowed)
    }

    static let robotsTxtCases: [MatchCase] = [
        MatchCase("Disallow: /", "/robots.txt", true),
        MatchCase("Disallow: /robots.txt", "/robots.txt", true),
        MatchCase("Disallow: /", "/robots.txt?x=1", true),
        MatchCase("Disallow: /", "/robots.txtx", false),
        MatchCase("Disallow: /", "/dir/robots.txt", false),
    ]

    @Test("/robots.txt itself is always allowed", arguments: robotsTxtCases)
    func robotsTxtAlwaysAllowed(_ testCase: MatchCase) {
        #expect(testCase.verdict().isAllowed == testCase.isAllowed)
    }

    @Test("the verdict names the deciding rule with its line number and text")
    func decidingRule() throws {
        let robots = """
            # comment
            User-agent: *
            Allow: /private/public/
            Disallow: /private/
            """
        let rules = RobotsTxt(robots).rules(for: "Trawl")
        let denied = rules.evaluate("/private/x")
        #expect(!denied.isAllowed)
        let deniedRule = try #require(denied.rule)
        #expect(deniedRule == RobotsRule(kind: .disallow, pattern: "/private/", line: 4))
        #expect(deniedRule.description == "line 4: Disallow: /private/")

        let allowed = rules.evaluate("/private/public/y")
        #expect(allowed.isAllowed)
        #expect(allowed.rule?.description == "line 3: Allow: /private/public/")

        #expect(rules.evaluate("/elsewhere") == RobotsVerdict(isAllowed: true, rule: nil))
    }

    @Test("the deciding rule keeps the pattern as written, not its normal form")
    func patternAsWritten() {
        let rules = RobotsTxt("User-agent: *\nDisallow:   /caf%c3%a9*  # cafés\n").rules(for: "Trawl")
        let verdict = rules.evaluate("/café/menu")
        #expect(!verdict.isAllowed)
        #expect(verdict.rule?.pattern == "/caf%c3%a9*")
        #expect(verdict.rule?.line == 2)
    }

    @Test("equally long equal rules report the earliest line")
    func earliestOfEquals() {
        let rules = RobotsTxt("User-agent: *\nDisallow: /a\nDisallow: /a\n").rules(for: "x")
        #expect(rules.evaluate("/a").rule?.line == 2)
    }

    @Test("allowAll allows everything with no rule")
    func allowAll() {
        #expect(RobotsRules.allowAll.evaluate("/anything?q=1") == RobotsVerdict(isAllowed: true, rule: nil))
        #expect(RobotsRules.allowAll.crawlDelay == nil)
        #expect(RobotsRules.allowAll.rules.isEmpty)
    }

    @Test("disallowAll forbids everything but /robots.txt with a line-0 rule")
    func disallowAll() throws {
        let verdict = RobotsRules.disallowAll.evaluate("/")
        #expect(!verdict.isAllowed)
        let rule = try #require(verdict.rule)
        #expect(rule.line == 0)
        #expect(rule.description == "Disallow: /")
        #expect(!RobotsRules.disallowAll.evaluate("/deep/page?x").isAllowed)
        #expect(RobotsRules.disallowAll.evaluate("/robots.txt").isAllowed)
    }

    @Test("rules lists the chosen rules in file order")
    func rulesInFileOrder() {
        let rules = RobotsTxt("User-agent: a\nDisallow: /b\nAllow: /bb\nDisallow: /\n").rules(for: "a")
        #expect(rules.rules.map(\.line) == [2, 3, 4])
        #expect(rules.rules.map(\.pattern) == ["/b", "/bb", "/"])
    }
}
