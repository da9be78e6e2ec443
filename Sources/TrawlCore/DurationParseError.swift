/// A duration such as `7d` that ``DurationParser`` could not read.
public struct DurationParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text as given.
    public var text: String
    /// What is wrong with it, for humans.
    public var reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    /// One line: `invalid duration '1.5h': expected a whole number before the unit (e.g. 7d, 12h, 30m, 45s)`.
    public var description: String {
        "invalid duration '\(text)': \(reason) (e.g. 7d, 12h, 30m, 45s)"
    }
}
