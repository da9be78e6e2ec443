/// Product tokens: the part of a user-agent name that robots.txt groups are matched on.
public enum RobotsAgent {
    /// The product token of a User-Agent string: its leading run of letters, `_` and `-`
    /// (RFC 9309 §2.2.1), after any leading whitespace. `"Trawl/0.1.0 (web crawler)"` → `"Trawl"`.
    /// Empty when the string does not start with such a character.
    public static func productToken(fromUserAgent userAgent: String) -> String {
        let bytes = userAgent.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return String(decoding: productTokenPrefix(of: bytes), as: UTF8.self)
    }

    /// The leading run of `[A-Za-z_-]` in `bytes`.
    static func productTokenPrefix<C: Collection<UInt8>>(of bytes: C) -> C.SubSequence {
        bytes.prefix(while: isTokenByte)
    }

    /// The product token of `bytes`, lowercased for case-insensitive comparison.
    static func lowercasedToken(_ bytes: some Collection<UInt8>) -> [UInt8] {
        productTokenPrefix(of: bytes).map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 0x20 : $0 }
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
