/// Parses the short durations the command line takes: a whole number and one unit, such as
/// `45s`, `30m`, `12h`, `7d` or `2w`.
///
/// One number and one unit only, so that `1h30m` or `1.5h` are errors rather than guesses.
/// Pure and thread-safe.
public enum DurationParser {
    /// Seconds per unit letter.
    private static let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]

    /// The duration `text` names, in seconds.
    ///
    /// - Throws: ``DurationParseError`` for an empty text, a missing or unknown unit, a number
    ///   that is not a whole decimal number, or a duration too long to represent.
    public static func seconds(from text: String) throws(DurationParseError) -> Double {
        try parse(text)
    }

    private static func parse(_ text: String) throws(DurationParseError) -> Double {
        guard let unitCharacter = text.last else { throw DurationParseError(text: text, reason: "empty duration") }
        guard let unit = units[unitCharacter] else {
            throw DurationParseError(text: text, reason: "expected a unit: s, m, h, d or w")
        }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw DurationParseError(text: text, reason: "expected a whole number before the unit")
        }
        // Ten years is far beyond any cache's age; the cap keeps Date arithmetic finite.
        guard let number = Int(digits), Double(number) * unit <= 10 * 366 * 86_400 else {
            throw DurationParseError(text: text, reason: "longer than ten years")
        }
        return Double(number) * unit
    }
}
