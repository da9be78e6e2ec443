/// The one normal form in which robots.txt patterns and URL paths are compared (RFC 9309 §2.2.2).
///
/// RFC 9309 says an encoded unreserved character (`%41`) is the character itself (`A`), while
/// every other octet is compared percent-encoded. Both sides are rewritten byte by byte:
/// - a well-formed `%XX` whose octet is unreserved (RFC 3986: `A-Z a-z 0-9 - . _ ~`) becomes that
///   character; any other `%XX` keeps its escape with the hex digits uppercased (`%2f` → `%2F`);
/// - a `%` that does not start a well-formed escape is the octet `%` itself, so it becomes `%25`;
/// - RFC 3986 reserved characters (`: / ? # [ ] @ ! $ & ' ( ) * + , ; =`) and unreserved characters
///   stay as they are, because encoding a reserved character changes its meaning (`%2F` is not `/`);
/// - every other octet (controls, space, `"` `<` `>` `\` `^` `` ` `` `{` `|` `}`, DEL, and all
///   non-ASCII octets, so UTF-8 text) becomes `%XX`.
///
/// The pattern specials `*` and `$` are reserved characters, so they pass through unchanged and
/// the pattern compiler still sees them.
enum RobotsEncoding {
    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// `bytes` in normal form, appended to `output`.
    static func appendNormalized(_ bytes: some Collection<UInt8>, to output: inout [UInt8]) {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            bytes.formIndex(after: &index)
            if byte == UInt8(ascii: "%") {
                if let (high, low, next) = escapeDigits(in: bytes, at: index) {
                    let octet = hexValue(high) << 4 | hexValue(low)
                    if isUnreserved(octet) {
                        output.append(octet)
                    } else {
                        appendEscape(octet, to: &output)
                    }
                    index = next
                } else {
                    appendEscape(byte, to: &output)
                }
            } else if isUnreserved(byte) || isReserved(byte) {
                output.append(byte)
            } else {
                appendEscape(byte, to: &output)
            }
        }
    }

    /// `bytes` in normal form.
    static func normalized(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        appendNormalized(bytes, to: &output)
        return output
    }

    /// The two hex digits after a `%` at `index`, and the index after them; nil when malformed.
    private static func escapeDigits<C: Collection<UInt8>>(
        in bytes: C, at index: C.Index
    ) -> (UInt8, UInt8, C.Index)? {
        guard index != bytes.endIndex else { return nil }
        let high = bytes[index]
        let lowIndex = bytes.index(after: index)
        guard lowIndex != bytes.endIndex else { return nil }
        let low = bytes[lowIndex]
        guard isHexDigit(high), isHexDigit(low) else { return nil }
        return (high, low, bytes.index(after: lowIndex))
    }

    private static func appendEscape(_ octet: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "%"))
        output.append(hexDigits[Int(octet >> 4)])
        output.append(hexDigits[Int(octet & 0x0F)])
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"),
            UInt8(ascii: "a")...UInt8(ascii: "f"):
            return true
        default:
            return false
        }
    }

    /// The value of a byte already known to be a hex digit.
    private static func hexValue(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return byte - UInt8(ascii: "a") + 10
        }
    }

    /// RFC 3986 `unreserved`: ALPHA / DIGIT / "-" / "." / "_" / "~".
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// RFC 3986 `reserved`: gen-delims and sub-delims.
    static func isReserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "@"),
            UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }
}
