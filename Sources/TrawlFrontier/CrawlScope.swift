import TrawlURL

/// Which URLs the crawl may request: http and https URLs on the allowed hosts.
///
/// By default the allowed hosts are the seeds' hosts; `--allow-host` adds more. A host matches
/// on its name alone, any port and either scheme, so `http://site/` → `https://site/` stays in.
public struct CrawlScope: Sendable, Hashable {
    public private(set) var allowedHosts: Set<String>

    public init(allowedHosts: some Sequence<String>) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
    }

    /// Adds `host` (a host name, IPv4 or bracketed IPv6 literal, compared lowercased).
    public mutating func allow(host: String) {
        allowedHosts.insert(host.lowercased())
    }

    /// True when `url` is http(s) on an allowed host.
    public func contains(_ url: WebURL) -> Bool {
        url.isHTTP && allowedHosts.contains(url.hostKey)
    }
}
