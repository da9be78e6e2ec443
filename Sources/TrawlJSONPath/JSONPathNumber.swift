/// A JSON number literal as an exact decimal, for comparing numbers by value.
///
/// `JSONValue` keeps numbers as text; converting to `Double` would make `9007199254740993`
/// equal `9007199254740992` and turn `1e400` into infinity. Instead the literal is normalized
/// to sign, significant digits and the position of the decimal point, which compare exactly.
struct JSONPathNumber: Comparable {
    /// The exponent is clamped to this magnitude; literals beyond it are not distinguished.
    private static let exponentLimit = 1 << 40

    private var isNegative = false
    /// Significant digits (ASCII), no leading or trailing zeros; empty for zero.
    private var digits: [UInt8] = []
    /// The value is `0.digits × 10^exponent`.
    private var exponent = 0

    /// Whether the number `lhs` is below `rhs`, and whether they are equal, both by value.
    ///
    /// Integers that fit in `Int` (most of them) are compared without normalizing.
    static func order(_ lhs: String, _ rhs: String) -> (less: Bool, equal: Bool) {
        if let a = Int(lhs), let b = Int(rhs) { return (a < b, a == b) }
        let a = JSONPathNumber(lhs)
        let b = JSONPathNumber(rhs)
        return (a < b, a == b)
    }

    /// Reads a literal that follows the JSON number grammar (checked by the JSON parser or the
    /// query parser); other text reads as zero.
    init(_ text: String) {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") {
            isNegative = true
            bytes = bytes.dropFirst()
        }
        var integerCount = 0
        var exponentValue = 0
        var inFraction = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte | 0x20 == UInt8(ascii: "e") {
                exponentValue = Self.exponent(bytes[(index + 1)...])
                break
            } else {
                if digits.isEmpty, byte == UInt8(ascii: "0") {
                    // A leading zero: only after the point does it move the first digit.
                    if inFraction { integerCount -= 1 }
                } else {
                    digits.append(byte)
                    if !inFraction { integerCount += 1 }
                }
            }
            index += 1
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty {
            isNegative = false
            return
        }
        exponent = max(-Self.exponentLimit, min(Self.exponentLimit, integerCount + exponentValue))
    }

    private static func exponent(_ bytes: ArraySlice<UInt8>) -> Int {
        var negative = false
        var value = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "+"): break
            default: value = min(value * 10 + Int(byte &- UInt8(ascii: "0")), exponentLimit)
            }
        }
        return negative ? -value : value
    }

    private var sign: Int { digits.isEmpty ? 0 : (isNegative ? -1 : 1) }

    static func < (lhs: JSONPathNumber, rhs: JSONPathNumber) -> Bool {
        if lhs.sign != rhs.sign { return lhs.sign < rhs.sign }
        if lhs.sign == 0 { return false }
        let magnitudeLess: Bool
        if lhs.exponent != rhs.exponent {
            magnitudeLess = lhs.exponent < rhs.exponent
        } else if lhs.digits == rhs.digits {
            return false
        } else {
            magnitudeLess = lhs.digits.lexicographicallyPrecedes(rhs.digits)
        }
        return lhs.isNegative ? !magnitudeLess : magnitudeLess
    }
}
