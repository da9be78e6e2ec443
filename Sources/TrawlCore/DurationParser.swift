/// Parses the durations users type on the command line: a number and a unit, `45s`, `30m`,
/// `12h`, `7d` (also `1.5h`).
///
/// Pure; safe from any thread.
public enum DurationParser {
    /// Seconds per unit suffix.
    static let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]

    /// The number of seconds `text` stands for, or nil when it is not a non-negative finite
    /// number followed by exactly one of the units `s`, `m`, `h`, `d` (case-insensitive).
    ///
    /// A bare number is refused: `7` could mean seconds or days, and guessing wrong silently
    /// would keep or drop a week of cache.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingWhitespace().lowercased()
        guard let unit = trimmed.last, let factor = units[unit] else { return nil }
        let number = trimmed.dropLast()
        // Digits and at most one dot: refuses signs, exponents, "inf" and "nan" that Double() accepts.
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            number.filter({ $0 == "." }).count <= 1, let value = Double(number)
        else { return nil }
        let seconds = value * factor
        return seconds.isFinite ? seconds : nil
    }
}
