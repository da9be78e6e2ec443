/// Why a URL glob pattern could not be expanded.
///
/// Thrown by ``URLGlob/expand(_:limit:)``; ``description`` is one line naming
/// the problem and where it is.
public struct URLGlobError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, short label for the kind of problem.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        /// The label itself, such as `invalid-host`.
        public var rawValue: String
        /// Wraps a label; prefer the predefined codes.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The label.
        public var description: String { rawValue }

        /// A `[` or `{` without its closing bracket or brace.
        public static let unmatchedOpen = Code(rawValue: "unmatched-open")
        /// A `]` or `}` without an opening one (escape it as `\]` or `\}`).
        public static let unmatchedClose = Code(rawValue: "unmatched-close")
        /// `[]` or `{}`.
        public static let emptyRange = Code(rawValue: "empty-range")
        /// A range whose start is after its end, such as `[9-1]`.
        public static let reversedRange = Code(rawValue: "reversed-range")
        /// A range mixing digits and letters, or upper- and lowercase letters (`[a-9]`, `[a-Z]`).
        public static let mixedTypes = Code(rawValue: "mixed-types")
        /// A range step of zero (`[1-9:0]`).
        public static let zeroStep = Code(rawValue: "zero-step")
        /// Bracket content that is not `start-end` or `start-end:step`.
        public static let invalidRange = Code(rawValue: "invalid-range")
        /// The pattern would expand to more URLs than the limit.
        public static let tooManyURLs = Code(rawValue: "too-many-urls")
        /// A glob inside another glob (`{a,[1-2]}`).
        public static let nestedGlob = Code(rawValue: "nested-glob")
    }

    /// What went wrong.
    public var code: Code
    /// The pattern that failed.
    public var pattern: String
    /// The 1-based character position of the problem in the pattern, when it has one.
    public var position: Int?
    /// A short explanation, shown in the description.
    public var reason: String

    /// Creates an error for `pattern`; `reason` defaults to the code's label.
    public init(_ code: Code, pattern: String, position: Int? = nil, reason: String? = nil) {
        self.code = code
        self.pattern = pattern
        self.position = position
        self.reason = reason ?? code.rawValue
    }

    /// One line, for example `invalid URL glob 'http://x/[1-': unmatched '[' at position 10`.
    public var description: String {
        let at = position.map { " at position \($0)" } ?? ""
        return "invalid URL glob '\(pattern)': \(reason)\(at)"
    }
}
