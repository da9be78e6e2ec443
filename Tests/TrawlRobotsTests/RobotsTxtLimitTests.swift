import TrawlRobots
import Testing

@Suite struct RobotsTxtLimitTests {
    /// `head`, then comment lines up to exactly `size` bytes.
    private static func padded(_ head: String, to size: Int) -> [UInt8] {
        var bytes = Array(head.utf8)
        let line = Array("# padding padding padding padding padding padding padding padding\n".utf8)
        while bytes.count + line.count < size {
            bytes += line
        }
        bytes += Array(repeating: UInt8(ascii: "#"), count: size - bytes.count - 1) + [UInt8(ascii: "\n")]
        return bytes
    }

    @Test("the limit is 500 KiB")
    func limit() {
        #expect(RobotsTxt.maximumParsedBytes == 512_000)
    }

    @Test("in a 600 KiB file, rules and sitemaps after 500 KiB are not applied")
    func rulesAfterTheLimit() {
        var bytes = Self.padded("User-agent: FooBot\nDisallow: /early\n", to: 300_000)
        bytes += Self.padded("Disallow: /middle\n", to: 300_000)
        bytes += Array("Disallow: /late\nSitemap: https://example.com/late.xml\n".utf8)
        #expect(bytes.count > 600_000)
        let robots = RobotsTxt(parsing: bytes)
        let rules = robots.rules(for: "FooBot")
        #expect(!rules.evaluate("/early").isAllowed)
        #expect(!rules.evaluate("/middle").isAllowed)
        #expect(rules.evaluate("/late").isAllowed)
        #expect(robots.sitemaps.isEmpty)
    }

    @Test("a line cut by the limit is dropped, not read as a shorter rule")
    func partialLastLine() {
        let prefix = Self.padded("User-agent: FooBot\n", to: RobotsTxt.maximumParsedBytes - 13)
        let bytes = prefix + Array("Disallow: /cut-by-the-limit\n".utf8)
        // The first 512,000 bytes end with "Disallow: /cu": read as a rule, it would forbid /cu.
        let rules = RobotsTxt(parsing: bytes).rules(for: "FooBot")
        #expect(rules.evaluate("/cu").isAllowed)
        #expect(rules.evaluate("/cut-by-the-limit").isAllowed)
    }

    @Test("a line ending exactly at the limit is kept")
    func lineEndingAtTheLimit() {
        let prefix = Self.padded("User-agent: FooBot\n", to: RobotsTxt.maximumParsedBytes - 12)
        let atLimit = prefix + Array("Disallow: /c\n# after\n".utf8)
        #expect(!RobotsTxt(parsing: atLimit).rules(for: "FooBot").evaluate("/c").isAllowed)
        let withoutNewline = prefix + Array("Disallow: /c".utf8)
        #expect(withoutNewline.count == RobotsTxt.maximumParsedBytes)
        #expect(!RobotsTxt(parsing: withoutNewline).rules(for: "FooBot").evaluate("/c").isAllowed)
    }
}
