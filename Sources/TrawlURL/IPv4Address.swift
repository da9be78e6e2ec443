/// The WHATWG IPv4 parser: one to four parts, each decimal, octal (`0` prefix)
/// or hex (`0x` prefix), the last part filling the remaining bytes.
struct IPv4Address {
    var value: UInt32

    /// Dotted decimal.
    var serialized: String {
        (0..<4).map { String((value >> (24 - 8 * UInt32($0))) & 0xFF) }.joined(separator: ".")
    }

    /// Whether a domain's last label is a number, so the host must be an IPv4 address.
    static func endsInNumber(_ host: String) -> Bool {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.last == "" {
            if parts.count == 1 { return false }
            parts.removeLast()
        }
        guard let last = parts.last, !last.isEmpty else { return false }
        if last.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        return parseNumber(last) != nil
    }

    static func parse(_ host: String) throws(HostParseFailure) -> IPv4Address {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.last == "", parts.count > 1 { parts.removeLast() }
        guard parts.count <= 4 else { throw invalid(host, "more than four parts") }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = parseNumber(part) else { throw invalid(host, "non-numeric part") }
            numbers.append(number)
        }
        for number in numbers.dropLast() where number > 255 {
            throw invalid(host, "part out of range")
        }
        guard let last = numbers.last, last < UInt64(1) << (8 * UInt64(5 - numbers.count)) else {
            throw invalid(host, "last part out of range")
        }
        var value = last
        for (index, number) in numbers.dropLast().enumerated() {
            value += number << (8 * UInt64(3 - index))
        }
        return IPv4Address(value: UInt32(truncatingIfNeeded: value))
    }

    /// One part; saturates instead of overflowing (the caller rejects anything that large).
    static func parseNumber(_ part: Substring) -> UInt64? {
        guard !part.isEmpty else { return nil }
        var digits = part.utf8
        var radix: UInt64 = 10
        if digits.count >= 2, digits.first == 0x30, digits.dropFirst().first == 0x78 || digits.dropFirst().first == 0x58 {
            digits = digits.dropFirst(2)
            radix = 16
        } else if digits.count >= 2, digits.first == 0x30 {
            digits = digits.dropFirst()
            radix = 8
        }
        var value: UInt64 = 0
        for byte in digits {
            guard let digit = PercentEncoding.hexValue(byte).map(UInt64.init), digit < radix,
                  radix == 16 || (byte >= 0x30 && byte <= 0x39) else { return nil }
            value = min(value * radix + digit, UInt64(1) << 40)
        }
        return value
    }

    private static func invalid(_ host: String, _ why: String) -> HostParseFailure {
        HostParseFailure(code: .invalidHost, reason: "invalid IPv4 address '\(host)': \(why)")
    }
}
