/// The WHATWG percent-encode sets and the encoder that applies them.
///
/// Each set names the code points that must be escaped in one URL component;
/// everything non-ASCII is always escaped, as its UTF-8 bytes.
enum PercentEncodeSet {
    /// C0 controls and everything above `~`.
    case c0Control
    /// Fragment: C0 plus space, `"`, `<`, `>`, `` ` ``.
    case fragment
    /// Query for non-special schemes: C0 plus space, `"`, `#`, `<`, `>`.
    case query
    /// Query for special schemes: the query set plus `'`.
    case specialQuery
    /// Path: the query set plus `?`, `^`, `` ` ``, `{`, `}`.
    case path
    /// Userinfo: the path set plus `/ : ; = @ [ \ ] ^ |`.
    case userinfo

    /// Whether `scalar` must be percent-encoded in this set.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v > 0x7E { return true }
        switch self {
        case .c0Control:
            return false
        case .fragment:
            return v == 0x20 || v == 0x22 || v == 0x3C || v == 0x3E || v == 0x60
        case .query:
            return Self.isQueryByte(v)
        case .specialQuery:
            return Self.isQueryByte(v) || v == 0x27
        case .path:
            return Self.isPathByte(v)
        case .userinfo:
            if Self.isPathByte(v) { return true }
            switch v {
            case 0x2F, 0x3A, 0x3B, 0x3D, 0x40, 0x5B...0x5E, 0x7C: return true
            default: return false
            }
        }
    }

    private static func isQueryByte(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x22 || v == 0x23 || v == 0x3C || v == 0x3E
    }

    private static func isPathByte(_ v: UInt32) -> Bool {
        isQueryByte(v) || v == 0x3F || v == 0x5E || v == 0x60 || v == 0x7B || v == 0x7D
    }
}

enum PercentEncoding {
    private static let hexDigits: [Character] = Array("0123456789ABCDEF")

    /// Appends `scalar` to `output`, percent-encoding its UTF-8 bytes when `set` contains it.
    static func append(_ scalar: Unicode.Scalar, to output: inout String, using set: PercentEncodeSet) {
        guard set.contains(scalar) else {
            output.unicodeScalars.append(scalar)
            return
        }
        for byte in String(scalar).utf8 {
            appendEscape(byte, to: &output)
        }
    }

    /// Appends `%XX` for `byte`, with uppercase hex.
    static func appendEscape(_ byte: UInt8, to output: inout String) {
        output.append("%")
        output.append(hexDigits[Int(byte >> 4)])
        output.append(hexDigits[Int(byte & 0x0F)])
    }

    /// The value of an ASCII hex digit, or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// Percent-decodes `string` to bytes; malformed escapes are kept literally.
    static func decode(_ string: String) -> [UInt8] {
        let bytes = Array(string.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x25, i + 2 < bytes.count,
               let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                result.append(high << 4 | low)
                i += 3
            } else {
                result.append(bytes[i])
                i += 1
            }
        }
        return result
    }

    /// `string` with the hex digits of every well-formed `%xx` escape uppercased.
    static func uppercasingEscapes(_ string: String) -> String {
        guard string.utf8.contains(0x25) else { return string }
        var bytes = Array(string.utf8)
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0x25, hexValue(bytes[i + 1]) != nil, hexValue(bytes[i + 2]) != nil {
                for j in (i + 1)...(i + 2) where bytes[j] >= 0x61 {
                    bytes[j] -= 0x20
                }
                i += 3
            } else {
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// Appends `scalar`, percent-encoded as UTF-8 when `set` contains it.
    mutating func appendPercentEncoded(_ scalar: Unicode.Scalar, using set: PercentEncodeSet) {
        PercentEncoding.append(scalar, to: &self, using: set)
    }
}
