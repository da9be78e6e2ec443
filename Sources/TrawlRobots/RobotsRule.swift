/// One Allow or Disallow line of a robots.txt file, as written.
///
/// A plain value: `Sendable`, safe to share between threads.
public struct RobotsRule: Sendable, Hashable, CustomStringConvertible {
    /// Whether a matching rule allows or forbids the URL.
    public enum Kind: Sendable, Hashable {
        case allow, disallow
    }

    public var kind: Kind
    /// The rule's value as written in the file, with whitespace and any comment removed.
    public var pattern: String
    /// The 1-based line number of the rule in the file; 0 for a rule no file contains
    /// (the one behind `RobotsRules.disallowAll`).
    public var line: Int

    public init(kind: Kind, pattern: String, line: Int) {
        self.kind = kind
        self.pattern = pattern
        self.line = line
    }

    /// The rule as a log or report line: `line 4: Disallow: /private/`; a rule with line 0 has no
    /// line prefix (`Disallow: /`).
    public var description: String {
        let directive = "\(kind == .allow ? "Allow" : "Disallow"): \(pattern)"
        return line > 0 ? "line \(line): \(directive)" : directive
    }
}
