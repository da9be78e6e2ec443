/// An absolute URL parsed and normalized by the WHATWG URL Standard.
///
/// Two `WebURL`s that a browser would treat as the same address compare equal:
/// the scheme and host are lowercased, IPv4 and IPv6 hosts are in canonical form,
/// internationalized hosts are Punycode (`xn--`), the default port is dropped,
/// `.` and `..` segments are removed and each component is percent-encoded with
/// its WHATWG encode set. Any scheme parses (`mailto:`, `javascript:` and `data:`
/// get an opaque path); crawlers keep those with ``isHTTP``.
///
/// `WebURL` is an immutable value and `Sendable`.
public struct WebURL: Sendable, Hashable, CustomStringConvertible {
    /// The longest input or serialization accepted, in characters.
    ///
    /// Without a bound a hostile page could hand the crawler megabyte-long links that
    /// are copied into the frontier and the store for every occurrence; 8,192 is also
    /// the request-line limit of common servers (Apache, nginx's large header buffer),
    /// so a longer URL could not be fetched anyway.
    public static let maximumLength = 8_192

    /// The scheme, lowercased, without `:`.
    public private(set) var scheme: String
    /// The username, percent-encoded; empty when absent.
    public private(set) var username: String
    /// The password, percent-encoded; empty when absent.
    public private(set) var password: String
    /// The host, lowercased and ASCII: a domain, dotted-decimal IPv4, or an IPv6
    /// literal in brackets (`[::1]`). Empty only for non-special schemes without
    /// an authority (`mailto:`) and for `file:` URLs.
    public private(set) var host: String
    /// The port, or nil when absent or equal to the scheme's default.
    public private(set) var port: Int?
    /// The path, percent-encoded; at least `/` for http and https.
    public private(set) var path: String
    /// The query without `?`, or nil when there is no `?`.
    /// (Settable inside the module for `WebURL+Query.swift`, which keeps it encoded.)
    public internal(set) var query: String?
    /// The fragment without `#`, or nil when there is no `#`.
    public private(set) var fragment: String?

    /// Whether the URL has an authority (`//host`); false for `mailto:` and the like.
    private var hasHost: Bool
    /// Whether `path` is opaque (`mailto:a@b`) rather than a list of segments.
    private var hasOpaquePath: Bool

    /// Parses an absolute URL.
    ///
    /// Leading and trailing spaces and control characters are trimmed and tabs and
    /// newlines removed, as browsers do for `href` attributes.
    /// - Throws: ``URLParseError`` when `string` is relative, malformed, or longer
    ///   than ``maximumLength``.
    public init(_ string: String) throws(URLParseError) {
        try self.init(string, base: nil)
    }

    private init(_ string: String, base: URLRecord?) throws(URLParseError) {
        let record = try URLParser.parse(string, base: base)
        scheme = record.scheme
        username = record.username
        password = record.password
        host = record.host ?? ""
        port = record.port
        path = record.serializedPath
        query = record.query
        fragment = record.fragment
        hasHost = record.host != nil
        hasOpaquePath = record.opaquePath != nil
        if absoluteString.utf8.count > Self.maximumLength {
            throw URLParseError(.tooLong, input: string, reason: "longer than \(Self.maximumLength) characters")
        }
    }

    /// Resolves `reference` (an `href`, a `Location` header, …) against this URL.
    ///
    /// Follows the WHATWG basic URL parser with a base, which agrees with RFC 3986
    /// §5.2 for http: absolute URLs, `//host/p`, `/root`, `../up`, `?query`, `#frag`,
    /// and backslashes as slashes for special schemes.
    /// - Throws: ``URLParseError`` when the result is not a valid URL, or this URL has
    ///   an opaque path and `reference` is not absolute or a fragment.
    public func resolving(_ reference: String) throws(URLParseError) -> WebURL {
        try WebURL(reference, base: record)
    }

    /// Whether the scheme is `http` or `https`.
    public var isHTTP: Bool { scheme == "http" || scheme == "https" }

    /// The port to connect to: the explicit port or the scheme's default
    /// (80 for http and ws, 443 for https and wss, 21 for ftp); nil otherwise.
    public var effectivePort: Int? { port ?? URLRecord.defaultPort(for: scheme) }

    /// The full normalized serialization, including the fragment (the WHATWG `href`).
    public var absoluteString: String { serialized(excludingFragment: false) }

    /// The key for "same page" deduplication: ``absoluteString`` without the fragment,
    /// with the hex digits of percent-escapes uppercased (`%2f` and `%2F` are one page).
    ///
    /// ``absoluteString`` keeps escapes as written, as the URL Standard requires.
    public var canonicalString: String {
        PercentEncoding.uppercasingEscapes(serialized(excludingFragment: true))
    }

    /// The host without the port: the unit of per-host politeness and crawl scope.
    public var hostKey: String { host }

    /// This URL with the fragment removed.
    public func removingFragment() -> WebURL {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// Same as ``absoluteString``.
    public var description: String { absoluteString }

    /// The WHATWG URL serializer, working from the stored components.
    private func serialized(excludingFragment: Bool) -> String {
        var result = scheme + ":"
        if hasHost {
            result.append("//")
            if !username.isEmpty || !password.isEmpty {
                result.append(username)
                if !password.isEmpty { result.append(":" + password) }
                result.append("@")
            }
            result.append(host)
            if let port { result.append(":" + String(port)) }
        } else if !hasOpaquePath, path.hasPrefix("//") {
            // Keeps "web+demo:/.//not-a-host" from reparsing as a host.
            result.append("/.")
        }
        result.append(path)
        if let query { result.append("?" + query) }
        if !excludingFragment, let fragment { result.append("#" + fragment) }
        return result
    }

    /// The parser's form of this URL, to serve as a base.
    private var record: URLRecord {
        var record = URLRecord()
        record.scheme = scheme
        record.username = username
        record.password = password
        record.host = hasHost ? host : nil
        record.port = port
        if hasOpaquePath {
            record.opaquePath = path
        } else if !path.isEmpty {
            record.segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        }
        record.query = query
        record.fragment = fragment
        return record
    }
}
