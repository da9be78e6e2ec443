/// The parser's working form of a URL: the WHATWG "URL record".
///
/// Unlike ``WebURL`` it keeps the path as segments and distinguishes a null host
/// from an empty one, which is what the state machine needs.
struct URLRecord: Sendable {
    var scheme = ""
    var username = ""
    var password = ""
    /// nil is the null host (`mailto:x`); "" is the empty host (`file:///x`).
    var host: String?
    var port: Int?
    /// Path segments, used unless `opaquePath` is set.
    var segments: [String] = []
    /// The whole path of a URL that cannot be a base (`mailto:a@b`, `javascript:x`).
    var opaquePath: String?
    var query: String?
    var fragment: String?

    /// Default ports of the special schemes; `file` is special but has none.
    static let specialSchemes: [String: Int?] = [
        "ftp": 21, "file": nil, "http": 80, "https": 443, "ws": 80, "wss": 443,
    ]

    static func isSpecial(_ scheme: String) -> Bool {
        specialSchemes[scheme] != nil
    }

    static func defaultPort(for scheme: String) -> Int? {
        specialSchemes[scheme] ?? nil
    }

    var isSpecial: Bool { Self.isSpecial(scheme) }

    var hasCredentials: Bool { !username.isEmpty || !password.isEmpty }

    /// The serialized path, without the `/.` prefix the full serialization may add.
    var serializedPath: String {
        if let opaquePath { return opaquePath }
        var result = ""
        for segment in segments {
            result.append("/")
            result.append(segment)
        }
        return result
    }

    /// Removes the last path segment, except a lone normalized drive letter of a file URL.
    mutating func shortenPath() {
        if scheme == "file", segments.count == 1, Self.isNormalizedDriveLetter(segments[0]) {
            return
        }
        if !segments.isEmpty { segments.removeLast() }
    }

    /// The WHATWG URL serializer; `excludingFragment` drops `#fragment`.
    func serialized(excludingFragment: Bool = false) -> String {
        var result = scheme + ":"
        if let host {
            result.append("//")
            if hasCredentials {
                result.append(username)
                if !password.isEmpty { result.append(":" + password) }
                result.append("@")
            }
            result.append(host)
            if let port { result.append(":" + String(port)) }
        } else if opaquePath == nil, segments.count > 1, segments[0].isEmpty {
            // Keeps "web+demo:/.//not-a-host" from reparsing as a host.
            result.append("/.")
        }
        result.append(serializedPath)
        if let query { result.append("?" + query) }
        if !excludingFragment, let fragment { result.append("#" + fragment) }
        return result
    }

    /// "c:" or "c|".
    static func isDriveLetter(_ string: String) -> Bool {
        let s = Array(string.unicodeScalars)
        return s.count == 2 && isASCIIAlpha(s[0]) && (s[1] == ":" || s[1] == "|")
    }

    /// "c:" only.
    static func isNormalizedDriveLetter(_ string: String) -> Bool {
        isDriveLetter(string) && string.unicodeScalars.last == ":"
    }

    static func isASCIIAlpha(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
    }

    static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool {
        c >= "0" && c <= "9"
    }
}
