/// A rule together with its compiled pattern: what groups hold and `RobotsRules` evaluates.
struct CompiledRobotsRule: Sendable, Hashable {
    let rule: RobotsRule
    let pattern: RobotsPattern

    init(kind: RobotsRule.Kind, value: some Collection<UInt8>, line: Int) {
        rule = RobotsRule(kind: kind, pattern: String(decoding: value, as: UTF8.self), line: line)
        pattern = RobotsPattern(value)
    }

    /// Whether this rule beats `other` when both match: the longer pattern wins, on equal length
    /// Allow wins (RFC 9309 §2.2.2), and between equals the earlier line, so the verdict is stable.
    func precedes(_ other: CompiledRobotsRule) -> Bool {
        if pattern.length != other.pattern.length { return pattern.length > other.pattern.length }
        if rule.kind != other.rule.kind { return rule.kind == .allow }
        return rule.line < other.rule.line
    }
}
