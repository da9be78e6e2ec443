/// The keys of robots.txt lines that Trawl acts on.
///
/// Keys compare case-insensitively and whole (`user-agent-x` is unknown). Besides the RFC 9309 keys
/// and the widespread `crawl-delay` and `sitemap`, the misspellings Google's parser has accepted
/// for years are understood too (`useragent`, `user agent`, `dissallow`, `dissalow`, `disalow`,
/// `diasllow`, `disallaw`, `site-map`): site owners test their files against Google, so a
/// `Dissallow:` line is meant and honoured there, and honouring it here only ever makes Trawl more
/// polite. No misspelling of `allow` is accepted, as in Google's parser, because reading an
/// unintended Allow would crawl what the owner did not mean to open.
enum RobotsDirective: Sendable {
    case userAgent, allow, disallow, crawlDelay, sitemap

    private static let keys: [String: RobotsDirective] = [
        "user-agent": .userAgent, "useragent": .userAgent, "user agent": .userAgent,
        "allow": .allow,
        "disallow": .disallow, "dissallow": .disallow, "dissalow": .disallow, "disalow": .disallow,
        "diasllow": .disallow, "disallaw": .disallow,
        "crawl-delay": .crawlDelay,
        "sitemap": .sitemap, "site-map": .sitemap,
    ]

    /// The directive named by `key` (already trimmed), or nil for an unknown key.
    init?(key: some Collection<UInt8>) {
        // Longer keys are unknown anyway; the bound keeps a garbage line from costing a big string.
        guard key.count <= 16 else { return nil }
        let lowercased = String(decoding: key.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        guard let directive = Self.keys[lowercased] else { return nil }
        self = directive
    }
}
