import TrawlCore
import TrawlFrontier
import TrawlURL

/// Everything a crawl needs to know, as plain values. ``validated()`` checks it once, before any
/// fetch, so that bad input fails fast with one clear message.
public struct CrawlConfiguration: Sendable {
    /// Absolute http or https URLs (globs already expanded). Their hosts are in scope.
    public var seeds: [String]
    /// Hosts allowed besides the seeds' hosts (names or IP literals, any port).
    public var allowedHosts: [String]
    public var limits: FrontierLimits
    /// Redirect hops followed per page. Without a bound a redirect trap ties up a worker forever.
    public var maxRedirects: Int

    public init(
        seeds: [String], allowedHosts: [String] = [], limits: FrontierLimits = FrontierLimits(),
        maxRedirects: Int = 10
    ) {
        self.seeds = seeds
        self.allowedHosts = allowedHosts
        self.limits = limits
        self.maxRedirects = maxRedirects
    }

    /// Parses the seeds and checks every limit; throws on the first problem found.
    public func validated() throws(CrawlConfigurationError) -> ValidatedCrawlConfiguration {
        guard !seeds.isEmpty else { throw CrawlConfigurationError("no seed URL given") }
        var parsed: [WebURL] = []
        for seed in seeds {
            let url: WebURL
            do { url = try WebURL(seed) } catch {
                throw CrawlConfigurationError("invalid seed URL '\(seed)': \(error.reason)")
            }
            guard url.isHTTP else {
                throw CrawlConfigurationError("invalid seed URL '\(seed)': only http and https are crawled")
            }
            parsed.append(url)
        }
        var scope = CrawlScope(allowedHosts: parsed.map(\.hostKey))
        for host in allowedHosts {
            let trimmed = host.trimmingWhitespace()
            guard !trimmed.isEmpty, let url = try? WebURL("http://\(trimmed)/"), url.port == nil,
                url.path == "/"
            else {
                throw CrawlConfigurationError("invalid --allow-host '\(host)': expected a host name or IP address")
            }
            scope.allow(host: url.hostKey)
        }
        try Self.check(limits.concurrency, "--concurrency", atLeast: 1)
        try Self.check(limits.perHost, "--per-host", atLeast: 1)
        if let depth = limits.maxDepth { try Self.check(depth, "--max-depth", atLeast: 0) }
        if let pages = limits.maxPages { try Self.check(pages, "--max-pages", atLeast: 1) }
        try Self.check(maxRedirects, "max redirects", atLeast: 0)
        return ValidatedCrawlConfiguration(
            seeds: parsed, scope: scope, limits: limits, maxRedirects: maxRedirects)
    }

    private static func check(_ value: Int, _ name: String, atLeast minimum: Int) throws(CrawlConfigurationError) {
        guard value >= minimum else {
            throw CrawlConfigurationError("\(name) must be at least \(minimum), got \(value)")
        }
    }
}

/// A configuration that passed ``CrawlConfiguration/validated()``.
public struct ValidatedCrawlConfiguration: Sendable {
    public let seeds: [WebURL]
    public let scope: CrawlScope
    public let limits: FrontierLimits
    public let maxRedirects: Int
}

/// Bad crawl input, reported before anything is fetched.
public struct CrawlConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
