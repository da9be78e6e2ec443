import Foundation

/// "Domain to ASCII" with a light version of UTS #46 processing.
///
/// ASCII domains are only lowercased, as the URL Standard now specifies. Other
/// domains drop the code points UTS #46 ignores (soft hyphen, zero-width space,
/// word joiner, BOM, variation selectors), are NFKC-normalized (which maps
/// full-width forms and compatibility characters), lowercased, have the ideographic
/// full stops mapped to `.`, and every non-ASCII label is Punycode-encoded to an
/// `xn--` label. Not implemented: the full UTS #46 mapping table (a few case
/// foldings differ), the Bidi and ContextJ checks.
enum DomainMapper {
    static func toASCII(_ domain: String) throws(HostParseFailure) -> String {
        if domain.utf8.allSatisfy({ $0 < 0x80 }) {
            return lowercasedASCII(domain)
        }
        var kept = String.UnicodeScalarView()
        for scalar in domain.unicodeScalars where !isIgnored(scalar) {
            kept.append(scalar)
        }
        let mapped = String(kept).precomposedStringWithCompatibilityMapping.lowercased()
        var labels: [[Unicode.Scalar]] = [[]]
        for scalar in mapped.unicodeScalars {
            if scalar == "." || scalar.value == 0x3002 || scalar.value == 0xFF0E || scalar.value == 0xFF61 {
                labels.append([])
                continue
            }
            if isDisallowed(scalar) {
                throw HostParseFailure(
                    code: .unsupportedHost,
                    reason: "disallowed code point \(HostParser.describe(scalar)) in host")
            }
            labels[labels.count - 1].append(scalar)
        }
        var result: [String] = []
        for label in labels {
            if label.allSatisfy(\.isASCII) {
                result.append(String(String.UnicodeScalarView(label)))
                continue
            }
            if let first = label.first, isMark(first) {
                throw HostParseFailure(code: .unsupportedHost, reason: "host label starts with a combining mark")
            }
            guard let encoded = Punycode.encode(label) else {
                throw HostParseFailure(code: .unsupportedHost, reason: "host label cannot be Punycode-encoded")
            }
            result.append("xn--" + encoded)
        }
        let ascii = result.joined(separator: ".")
        if ascii.isEmpty {
            throw HostParseFailure(code: .invalidHost, reason: "empty host")
        }
        return ascii
    }

    static func lowercasedASCII(_ string: String) -> String {
        guard string.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return string }
        return String(decoding: string.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// Code points UTS #46 maps to nothing.
    private static func isIgnored(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0xAD, 0x34F, 0x180B...0x180F, 0x200B, 0x2060, 0x2064, 0xFE00...0xFE0F, 0xFEFF, 0x1BCA0...0x1BCA3,
             0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    /// Code points UTS #46 rejects: unassigned, private-use, controls, most format
    /// characters, separators, non-characters and the replacement character.
    private static func isDisallowed(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return false }
        if c.value == 0xFFFD || c.properties.isNoncharacterCodePoint { return true }
        switch c.properties.generalCategory {
        case .unassigned, .privateUse, .surrogate, .control, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return true
        case .format:
            return c.value != 0x200C && c.value != 0x200D
        default:
            return false
        }
    }

    private static func isMark(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
