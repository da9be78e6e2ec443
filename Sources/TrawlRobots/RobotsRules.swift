/// The rules one crawler obeys on one host: the merged groups robots.txt has for its product
/// token, ready to decide URL after URL.
///
/// Built by `RobotsTxt.rules(for:)`; immutable and `Sendable`, so one value can be shared by every
/// worker. `evaluate(_:)` normalises the path once and tries the rules from the most specific down,
/// stopping at the first match, so a URL costs at most O(rules × pattern × path) octet compares and
/// usually far less.
public struct RobotsRules: Sendable, Hashable {
    /// The rules ordered by precedence (see `CompiledRobotsRule.precedes`): the first match decides.
    private let ordered: [CompiledRobotsRule]

    /// Crawl-delay of the chosen group in seconds (a non-negative finite number; malformed values
    /// are ignored). When several merged groups give one, the largest applies: a crawler honouring
    /// the delay should take the most cautious reading of the file.
    public let crawlDelay: Double?

    init(rules: [CompiledRobotsRule], crawlDelay: Double?) {
        ordered = rules.sorted { $0.precedes($1) }
        self.crawlDelay = crawlDelay
    }

    /// No rules: every URL is allowed (no robots.txt, or no group for this crawler).
    public static let allowAll = RobotsRules(rules: [], crawlDelay: nil)

    /// `Disallow: /` for everything but `/robots.txt`: what applies while a host's robots.txt is
    /// unavailable (RFC 9309 §2.3.1.4: a server error means the site is fully disallowed). The
    /// deciding rule has line 0.
    public static let disallowAll = RobotsRules(
        rules: [CompiledRobotsRule(kind: .disallow, value: "/".utf8, line: 0)], crawlDelay: nil)

    /// The rules in file order (merged groups included), for reports.
    public var rules: [RobotsRule] {
        ordered.map(\.rule).sorted { $0.line < $1.line }
    }

    /// Decides `pathAndQuery`: the URL's path plus `?query` if any, percent-encoded as in the URL,
    /// never the fragment (a `#…` is cut off here all the same). A path that does not start with `/`
    /// (an empty one, or `?q=1`) gets one in front.
    ///
    /// The most specific matching rule decides (longest pattern; Allow on a tie); when none
    /// matches, the URL is allowed. `/robots.txt` is always allowed (RFC 9309 §2.2.2).
    public func evaluate(_ pathAndQuery: String) -> RobotsVerdict {
        var raw = pathAndQuery.utf8[...]
        if let hash = raw.firstIndex(of: UInt8(ascii: "#")) {
            raw = raw[..<hash]
        }
        var path: [UInt8] = []
        path.reserveCapacity(raw.count + 1)
        if raw.first != UInt8(ascii: "/") {
            path.append(UInt8(ascii: "/"))
        }
        RobotsEncoding.appendNormalized(raw, to: &path)
        if Self.isRobotsTxt(path) {
            return RobotsVerdict(isAllowed: true, rule: nil)
        }
        for candidate in ordered where candidate.pattern.matches(path) {
            return RobotsVerdict(isAllowed: candidate.rule.kind == .allow, rule: candidate.rule)
        }
        return RobotsVerdict(isAllowed: true, rule: nil)
    }

    /// Whether the normalised path's path part (before any `?`) is `/robots.txt`.
    private static func isRobotsTxt(_ path: [UInt8]) -> Bool {
        let end = path.firstIndex(of: UInt8(ascii: "?")) ?? path.endIndex
        return path[..<end].elementsEqual("/robots.txt".utf8)
    }
}
