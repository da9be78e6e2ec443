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
