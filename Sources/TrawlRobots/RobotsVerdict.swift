/// The answer to "may this URL be crawled?", with the rule that gave it.
public struct RobotsVerdict: Sendable, Hashable {
    public var isAllowed: Bool
    /// The rule that decided, or nil when no rule matched (allowed by default) and for `/robots.txt`.
    public var rule: RobotsRule?

    public init(isAllowed: Bool, rule: RobotsRule?) {
        self.isAllowed = isAllowed
        self.rule = rule
    }
}
