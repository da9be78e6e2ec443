/// Why a host failed to parse; the URL parser attaches the input.
struct HostParseFailure: Error {
    var code: URLParseError.Code
    var reason: String
}

/// The WHATWG host parser: IPv6 literals, opaque hosts of non-special schemes,
/// and domains (percent-decoded, mapped to ASCII, checked, IPv4-normalized).
enum HostParser {
    /// Parses `input` (non-empty for special schemes) into its serialized host.
    static func parse(_ input: String, isOpaque: Bool) throws(HostParseFailure) -> String {
        if input.hasPrefix("[") {
            guard input.hasSuffix("]"), input.count >= 2 else {
                throw HostParseFailure(code: .invalidHost, reason: "unterminated IPv6 address")
            }
            let address = try IPv6Address.parse(input.dropFirst().dropLast())
            return "[" + address.serialized + "]"
        }
        if isOpaque {
            return try parseOpaque(input)
        }
        let decoded = String(decoding: PercentEncoding.decode(input), as: UTF8.self)
        let ascii = try DomainMapper.toASCII(decoded)
        if let bad = ascii.unicodeScalars.first(where: isForbiddenDomainCodePoint) {
            throw HostParseFailure(code: .invalidHost, reason: "forbidden character \(describe(bad)) in host")
        }
        if IPv4Address.endsInNumber(ascii) {
            return try IPv4Address.parse(ascii).serialized
        }
        return ascii
    }

    /// Opaque hosts (non-special schemes) keep their case and are only C0-percent-encoded.
    private static func parseOpaque(_ input: String) throws(HostParseFailure) -> String {
        if let bad = input.unicodeScalars.first(where: isForbiddenHostCodePoint) {
            throw HostParseFailure(code: .invalidHost, reason: "forbidden character \(describe(bad)) in host")
        }
        var result = ""
        for scalar in input.unicodeScalars {
            result.appendPercentEncoded(scalar, using: .c0Control)
        }
        return result
    }

    static func isForbiddenHostCodePoint(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\0", "\t", "\n", "\r", " ", "#", "/", ":", "<", ">", "?", "@", "[", "\\", "]", "^", "|":
            return true
        default:
            return false
        }
    }

    static func isForbiddenDomainCodePoint(_ c: Unicode.Scalar) -> Bool {
        isForbiddenHostCodePoint(c) || c.value <= 0x1F || c == "%" || c.value == 0x7F
    }

    static func describe(_ c: Unicode.Scalar) -> String {
        c.value > 0x20 && c.value < 0x7F ? "'\(c)'" : "U+" + String(c.value, radix: 16, uppercase: true)
    }
}
