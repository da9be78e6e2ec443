/// Why a CSS selector could not be compiled to XPath, and where.
///
/// ``column`` is 1-based and counts Unicode scalars of the selector source, so `"div >"` fails
/// at column 6 (just past the end) with a message saying what was expected there.
public struct CSSSelectorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based position in the selector source where compilation stopped.
    public var column: Int
    /// What was found and what was expected, for example `expected a selector after '>'`.
    public var message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    /// `column 6: expected a selector after '>'`.
    public var description: String { "column \(column): \(message)" }
}
