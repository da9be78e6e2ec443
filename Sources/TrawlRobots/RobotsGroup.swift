/// One group of a robots.txt file: the user-agent lines that start it and the lines that follow
/// until the next user-agent line after a rule (RFC 9309 §2.1).
struct RobotsGroup: Sendable, Hashable {
    /// The lowercased product tokens of its user-agent lines; an empty token (a value such as
    /// `/1.0` or `ツ`) matches no crawler.
    var tokens: [[UInt8]] = []
    /// Whether one of its user-agent lines is `*`.
    var includesAnyAgent = false
    /// Its non-empty Allow and Disallow rules in file order.
    var rules: [CompiledRobotsRule] = []
    /// The largest valid Crawl-delay given in the group.
    var crawlDelay: Double?

    /// Whether a user-agent line names `token` (already lowercased), ignoring `*`.
    func names(_ token: [UInt8]) -> Bool {
        !token.isEmpty && tokens.contains(token)
    }

    mutating func addCrawlDelay(_ delay: Double) {
        crawlDelay = max(crawlDelay ?? delay, delay)
    }
}
