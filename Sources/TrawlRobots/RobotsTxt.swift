/// A parsed robots.txt file (RFC 9309): its groups of rules and its sitemaps.
///
/// Parsing never fails: whatever is not a recognisable line is skipped, so garbage yields a file
/// with no rules (everything allowed). The value is immutable and `Sendable`; parse a host's file
/// once, call `rules(for:)` once for the crawler's product token, and keep the `RobotsRules` for
/// every URL of that host.
public struct RobotsTxt: Sendable, Hashable {
    /// At most this many bytes (500 KiB = 512,000) are parsed; the rest is ignored, and a line cut
    /// by the limit is dropped. RFC 9309 §2.5 lets crawlers stop there; without a limit a hostile
    /// or broken server could make every crawl of its host hold and scan an unbounded body.
    public static let maximumParsedBytes = 512_000

    /// The groups in file order.
    let groups: [RobotsGroup]

    /// `Sitemap:` URLs in file order (from anywhere in the file, as written, trimmed).
    public let sitemaps: [String]

    /// Parses the first `maximumParsedBytes` bytes of a robots.txt body.
    public init(parsing bytes: some Collection<UInt8>) {
        var parser = RobotsTxtParser()
        parser.parse(Self.parsedPrefix(of: bytes))
        groups = parser.groups
        sitemaps = parser.sitemaps
    }

    /// Parses a robots.txt body given as text.
    public init(_ text: String) {
        self.init(parsing: text.utf8)
    }

    /// The merged rules for `agentToken`, a product token such as `"Trawl"` (compared
    /// case-insensitively; anything after its letters, `_` and `-` is ignored, so `"Trawl/1.0"`
    /// works too).
    ///
    /// Every group with a user-agent line naming the token is merged into one, even a group with no
    /// rules (which then allows everything). When no group names it, the `*` groups are merged;
    /// when there are none either, everything is allowed (RFC 9309 §2.2.1).
    public func rules(for agentToken: String) -> RobotsRules {
        let token = RobotsAgent.lowercasedToken(
            agentToken.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        var chosen = groups.filter { $0.names(token) }
        if chosen.isEmpty {
            chosen = groups.filter(\.includesAnyAgent)
        }
        let delays = chosen.compactMap(\.crawlDelay)
        return RobotsRules(rules: chosen.flatMap(\.rules), crawlDelay: delays.max())
    }

    /// The bytes that are parsed: all of a short file; of a long one, the first
    /// `maximumParsedBytes` up to the last complete line.
    static func parsedPrefix(of bytes: some Collection<UInt8>) -> [UInt8] {
        var prefix = Array(bytes.prefix(maximumParsedBytes + 1))
        guard prefix.count > maximumParsedBytes else { return prefix }
        let firstIgnored = prefix.removeLast()
        if isLineEnd(firstIgnored) { return prefix }
        guard let lastLineEnd = prefix.lastIndex(where: isLineEnd) else { return [] }
        prefix.removeSubrange((lastLineEnd + 1)...)
        return prefix
    }

    private static func isLineEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
