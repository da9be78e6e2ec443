import TrawlURL

/// Which URLs the crawl may request: http and https URLs on the allowed hosts and domains.
///
/// By default the allowed hosts are the seeds' hosts; `--allow-host` adds more. A host matches
/// on its name alone, any port and either scheme, so `http://site/` → `https://site/` stays in.
/// `--allow-domain` adds a domain with all its subdomains (see ``allow(domain:)``).
public struct CrawlScope: Sendable, Hashable {
    public private(set) var allowedHosts: Set<String>
    /// Domains allowed with their subdomains, as normalized by ``allow(domain:)``.
    public var allowedDomains: Set<String> { Set(domainSuffixes.lazy.map(String.init)) }

    /// The allowed domains as substrings, so that ``contains(_:)`` can look up the suffixes of
    /// a host (which are substrings of it) without allocating a string per suffix.
    private var domainSuffixes: Set<Substring> = []

    public init(allowedHosts: some Sequence<String>) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
    }

    /// Adds `host` (a host name, IPv4 or bracketed IPv6 literal, compared lowercased).
    public mutating func allow(host: String) {
        allowedHosts.insert(host.lowercased())
    }

    /// Adds `domain` and every subdomain of it, on a label boundary.
    ///
    /// `example.com` allows `example.com` and `www.example.com` but not `badexample.com`.
    /// The input is normalized as URL hosts are (lowercased, internationalized names to
    /// Punycode, surrounding whitespace, one leading `.` and one trailing `.` ignored), so
    /// `Bücher.Example` allows `www.xn--bcher-kva.example`. An IP literal (`10.0.0.1`,
    /// `[::1]`) has no subdomains and is allowed exactly, like ``allow(host:)``.
    /// - Throws: ``LinkRulesError`` (`invalid-domain`) when `domain` is not a host name or IP
    ///   address (it has a port, path, credentials, a `*`, or characters a host cannot have).
    public mutating func allow(domain: String) throws(LinkRulesError) {
        var trimmed = Substring(domain.trimmingHostWhitespace())
        if trimmed.hasPrefix(".") { trimmed = trimmed.dropFirst() }
        if trimmed.hasSuffix("."), trimmed.count > 1 { trimmed = trimmed.dropLast() }
        // `*` is a valid host character to the URL parser, so `*.example.com` would be allowed
        // as a literal name that matches nothing.
        if trimmed.contains("*") {
            throw LinkRulesError(
                .invalidDomain,
                "invalid --allow-domain '\(domain)': no wildcards; a domain already includes its subdomains")
        }
        // The parser drops a default port (`:80`), so a colon is checked here; only an IPv6
        // literal, whole in brackets, may have one.
        let isBracketed = trimmed.hasPrefix("[") && trimmed.hasSuffix("]")
        guard !trimmed.isEmpty, !trimmed.contains(where: { "/?#@\\".contains($0) }),
            isBracketed || !trimmed.contains(":"),
            let url = try? WebURL("http://\(trimmed)/"), url.port == nil, url.path == "/",
            url.username.isEmpty, url.password.isEmpty
        else {
            throw LinkRulesError(
                .invalidDomain, "invalid --allow-domain '\(domain)': expected a domain name or IP address")
        }
        let host = url.hostKey
        if Self.isIPLiteral(host) {
            allowedHosts.insert(host)
        } else {
            domainSuffixes.insert(Substring(host))
        }
    }

    /// True when `url` is http(s) on an allowed host or inside an allowed domain.
    ///
    /// Costs one set lookup for the host plus, when domains are allowed, one per label suffix
    /// of the host (`a.b.example.com`, `b.example.com`, `example.com`, `com`).
    public func contains(_ url: WebURL) -> Bool {
        guard url.isHTTP else { return false }
        let host = url.hostKey
        if allowedHosts.contains(host) { return true }
        return !domainSuffixes.isEmpty && isInAllowedDomain(host)
    }

    private func isInAllowedDomain(_ host: String) -> Bool {
        if Self.isIPLiteral(host) { return false }
        var suffix = Substring(host)
        // A fully qualified name (`example.com.`) is the same DNS name as `example.com`.
        if suffix.utf8.last == UInt8(ascii: "."), suffix.utf8.count > 1 { suffix = suffix.dropLast() }
        while true {
            if domainSuffixes.contains(suffix) { return true }
            guard let dot = suffix.utf8.firstIndex(of: UInt8(ascii: ".")) else { return false }
            suffix = suffix[suffix.utf8.index(after: dot)...]
        }
    }

    /// Whether a normalized host is an IPv6 literal (bracketed) or IPv4 (the URL parser turns
    /// every host whose last label is a number into dotted-decimal IPv4 or rejects it).
    private static func isIPLiteral(_ host: String) -> Bool {
        guard let last = host.utf8.last else { return false }
        return host.utf8.first == UInt8(ascii: "[") || (last >= UInt8(ascii: "0") && last <= UInt8(ascii: "9"))
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace.
    fileprivate func trimmingHostWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[start...end]
    }
}
