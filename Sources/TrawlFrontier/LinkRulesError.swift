/// A link rule that cannot be built: a bad `--allow-domain`, `--include`, `--exclude`,
/// `--strip-query` or `--max-url-length` value.
///
/// Thrown by ``LinkRules/init(scope:include:exclude:stripQuery:sortQuery:maxURLLength:trapGuard:)``
/// and ``CrawlScope/allow(domain:)``, before any fetch. ``description`` is one line naming the
/// flag and the value, ready for stderr (the CLI exits with status 2).
public struct LinkRulesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, short label for the kind of problem.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        /// The label itself, such as `invalid-regex`.
        public var rawValue: String
        /// Wraps a label; prefer the predefined codes.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The label.
        public var description: String { rawValue }

        /// An `--allow-domain` value that is not a domain name or IP address.
        public static let invalidDomain = Code(rawValue: "invalid-domain")
        /// An `--include` or `--exclude` pattern that does not compile.
        public static let invalidRegex = Code(rawValue: "invalid-regex")
        /// An empty `--strip-query` pattern.
        public static let invalidQueryPattern = Code(rawValue: "invalid-query-pattern")
        /// A numeric limit out of range (`--max-url-length 0`).
        public static let invalidLimit = Code(rawValue: "invalid-limit")
    }

    /// What went wrong.
    public var code: Code
    /// The one-line message, for example `invalid --include regex '(': missing closing )`.
    public var message: String

    /// Creates an error with its one-line message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The one-line message.
    public var description: String { message }
}
