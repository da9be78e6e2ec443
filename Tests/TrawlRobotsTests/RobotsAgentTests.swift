import TrawlRobots
import Testing

@Suite struct RobotsAgentTests {
    @Test("the product token is the leading run of letters, _ and -",
          arguments: [
            ("Trawl/0.1.0 (web crawler)", "Trawl"), ("Googlebot-Image/1.0", "Googlebot-Image"),
            ("my_bot", "my_bot"), ("  Trawl", "Trawl"), ("Foo Bar", "Foo"),
            ("Mozilla/5.0 (compatible; Googlebot/2.1)", "Mozilla"), ("/1.0", ""), ("ツbot", ""), ("", ""),
          ])
    func productToken(_ userAgent: String, _ expected: String) {
        #expect(RobotsAgent.productToken(fromUserAgent: userAgent) == expected)
    }

    @Test("the default User-Agent's token selects the Trawl group")
    func defaultUserAgent() {
        let token = RobotsAgent.productToken(fromUserAgent: "Trawl/0.1.0 (web crawler)")
        let robots = RobotsTxt("User-agent: *\nDisallow: /\n\nUser-agent: trawl\nDisallow: /private\n")
        #expect(robots.rules(for: token).evaluate("/page").isAllowed)
        #expect(!robots.rules(for: token).evaluate("/private").isAllowed)
    }
}
