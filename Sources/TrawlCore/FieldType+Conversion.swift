extension FieldType {
    /// `value` converted to this type, or nil when it does not convert.
    ///
    /// JSON `null` stays `null` for every type: it says "no value", not "wrong value". Arrays and
    /// objects never convert. Strings are trimmed of surrounding whitespace before being read
    /// as numbers or booleans, so a `raw` field converts like a normalized one.
    public func convert(_ value: JSONValue) -> JSONValue? {
        if value == .null { return .null }
        switch self {
        case .string:
            switch value {
            case .string: return value
            case .number(let literal): return .string(literal)
            case .bool(let flag): return .string(flag ? "true" : "false")
            default: return nil
            }
        case .number:
            switch value {
            case .number: return value
            case .string(let text): return Self.number(from: text).flatMap(Self.numberLiteral).map(JSONValue.number)
            default: return nil
            }
        case .integer:
            switch value {
            case .number(let literal): return Self.integer(from: literal).map(JSONValue.number)
            case .string(let text): return Self.integer(from: text.trimmingWhitespace()).map(JSONValue.number)
            default: return nil
            }
        case .boolean:
            switch value {
            case .bool: return value
            case .number(let literal): return Self.boolean(from: literal)
            case .string(let text): return Self.boolean(from: text.trimmingWhitespace().lowercased())
            default: return nil
            }
        }
    }

    /// `number` as a JSON literal: integral values up to 2^53 as integers, others in Swift's
    /// shortest round-trip form; nil for NaN and infinities, which JSON cannot express.
    public static func numberLiteral(_ number: Double) -> String? {
        guard number.isFinite else { return nil }
        if number.rounded() == number, abs(number) <= 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// A finite number written in decimal (digits, sign, point, exponent): `Double` alone would
    /// also accept `nan`, `inf` and hexadecimal.
    static func number(from text: String) -> Double? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty,
            trimmed.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || "+-.eE".unicodeScalars.contains($0) }),
            let number = Double(trimmed), number.isFinite
        else { return nil }
        return number
    }

    /// The integer literal of `text` when it reads as an integral number: `7`, `-7`, `7.0`, `7e2`.
    static func integer(from text: String) -> String? {
        if let exact = Int64(text) { return String(exact) }
        guard let number = number(from: text), number.rounded() == number,
            abs(number) <= 9_007_199_254_740_992
        else { return nil }
        return String(Int64(number))
    }

    private static func boolean(from text: String) -> JSONValue? {
        switch text {
        case "true", "1": return .bool(true)
        case "false", "0": return .bool(false)
        default: return nil
        }
    }
}
