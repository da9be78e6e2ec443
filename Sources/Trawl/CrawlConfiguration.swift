import Foundation
import TrawlCore
import TrawlFrontier
import TrawlHTTPCache
import TrawlRobots
import TrawlURL

/// Everything a crawl needs to know, as plain values. ``validated()`` checks it once, before any
/// fetch, so that bad input fails fast with one clear message.
public struct CrawlConfiguration: Sendable {
    /// Absolute http or https URLs (globs already expanded). Their hosts are in scope.
    public var seeds: [String]
    /// Hosts allowed besides the seeds' hosts (names or IP literals, any port).
    public var allowedHosts: [String]
    /// Domains allowed with all their subdomains (`--allow-domain`).
    public var allowedDomains: [String] = []
    /// `--include` / `--exclude` regexes on the canonical URL, `--strip-query` names,
    /// `--sort-query`, `--max-url-length` and the trap guard.
    public var linkFilters = LinkFilters()
    public var limits: FrontierLimits
    /// Redirect hops followed per page. Without a bound a redirect trap ties up a worker forever.
    public var maxRedirects: Int
    /// Delays, robots.txt, adaptive throttling and retries.
    public var politeness: SchedulerPolicy
    /// The product token robots.txt groups are matched against (`--robots-agent`, by default the
    /// first word of the User-Agent).
    public var robotsAgent: String
    /// Queue the `Sitemap:` URLs each robots.txt lists, once it is read, as depth-0 tasks (in
    /// scope only). Off by default: a crawl of one section of a site should not turn into a
    /// crawl of everything the site's sitemaps list.
    public var seedRobotsSitemaps = false
    /// How stored responses are used (`--cache-mode`, `--max-age`); `prefer` by default.
    public var cachePolicy = HTTPCachePolicy(mode: .prefer)
    /// The User-Agent the fetcher sends. It is compared, with a constant `Accept-Encoding`, for
    /// responses that `Vary`; set it to the fetcher's ``TrawlFetch/FetchConfiguration/userAgent``.
    public var userAgent = TrawlVersion.defaultUserAgent
    /// The clock cache ages are measured on; `Date()` unless a test injects its own. Called from
    /// worker tasks, possibly at once.
    public var now: @Sendable () -> Date = { Date() }

    public init(
        seeds: [String], allowedHosts: [String] = [], limits: FrontierLimits = FrontierLimits(),
        maxRedirects: Int = 10, politeness: SchedulerPolicy = SchedulerPolicy(),
        robotsAgent: String = RobotsAgent.productToken(fromUserAgent: TrawlVersion.defaultUserAgent)
    ) {
        self.seeds = seeds
        self.allowedHosts = allowedHosts
        self.limits = limits
        self.maxRedirects = maxRedirects
        self.politeness = politeness
        self.robotsAgent = robotsAgent
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
        for domain in allowedDomains {
            do { try scope.allow(domain: domain) } catch { throw CrawlConfigurationError(error.message) }
        }
        let rules: LinkRules
        do {
            rules = try LinkRules(
                scope: scope, include: linkFilters.include, exclude: linkFilters.exclude,
                stripQuery: linkFilters.stripQuery, sortQuery: linkFilters.sortQuery,
                maxURLLength: linkFilters.maxURLLength, trapGuard: linkFilters.trapGuard)
        } catch { throw CrawlConfigurationError(error.message) }
        try Self.check(limits.concurrency, "--concurrency", atLeast: 1)
        try Self.check(limits.perHost, "--per-host", atLeast: 1)
        if let depth = limits.maxDepth { try Self.check(depth, "--max-depth", atLeast: 0) }
        if let pages = limits.maxPages { try Self.check(pages, "--max-pages", atLeast: 1) }
        try Self.check(maxRedirects, "max redirects", atLeast: 0)
        try checkPoliteness()
        let agent = robotsAgent.trimmingWhitespace()
        guard !agent.isEmpty, agent.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw CrawlConfigurationError("invalid --robots-agent '\(robotsAgent)': expected one word such as Trawl")
        }
        if let maxAge = cachePolicy.maxAge, maxAge < .zero {
            throw CrawlConfigurationError("--max-age must not be negative")
        }
        return ValidatedCrawlConfiguration(
            seeds: parsed.map(rules.normalized), rules: rules, limits: limits, maxRedirects: maxRedirects, politeness: politeness,
            robotsAgent: agent, seedRobotsSitemaps: seedRobotsSitemaps,
            cache: ResponseSource.Settings(
                policy: cachePolicy, requestHeaders: Self.cacheRequestHeaders(userAgent: userAgent), now: now))
    }

    /// The request header fields a response may `Vary` on: the User-Agent, and a constant
    /// stand-in for the `Accept-Encoding` libcurl sends (its list of every decoder it has).
    static func cacheRequestHeaders(userAgent: String) -> HTTPHeaders {
        var headers: HTTPHeaders = []
        headers.add(name: "User-Agent", value: userAgent)
        headers.add(name: "Accept-Encoding", value: "libcurl")
        return headers
    }

    private func checkPoliteness() throws(CrawlConfigurationError) {
        let seconds: [(String, Double)] = [
            ("--delay", politeness.delay), ("--max-crawl-delay", politeness.maxCrawlDelay),
            ("--max-retry-after", politeness.retry.maxRetryAfter),
        ]
        for (name, value) in seconds where !(value >= 0 && value.isFinite) {
            throw CrawlConfigurationError("\(name) must be a number of seconds, at least 0")
        }
        guard politeness.retry.base > 0, politeness.retry.base.isFinite else {
            throw CrawlConfigurationError("--retry-base must be a positive number of seconds")
        }
        try Self.check(politeness.retry.maxRetries, "--retries", atLeast: 0)
        if let pages = politeness.maxPagesPerHost { try Self.check(pages, "--max-pages-per-host", atLeast: 1) }
    }

    private static func check(_ value: Int, _ name: String, atLeast minimum: Int) throws(CrawlConfigurationError) {
        guard value >= minimum else {
            throw CrawlConfigurationError("\(name) must be at least \(minimum), got \(value)")
        }
    }
}

/// Which discovered URLs are kept, and under which canonical form; see ``LinkRules``.
public struct LinkFilters: Sendable, Hashable {
    public var include: [String] = []
    public var exclude: [String] = []
    public var stripQuery: [String] = []
    public var sortQuery = false
    public var maxURLLength = LinkRules.defaultMaxURLLength
    public var trapGuard = true

    public init(
        include: [String] = [], exclude: [String] = [], stripQuery: [String] = [], sortQuery: Bool = false,
        maxURLLength: Int = LinkRules.defaultMaxURLLength, trapGuard: Bool = true
    ) {
        self.include = include
        self.exclude = exclude
        self.stripQuery = stripQuery
        self.sortQuery = sortQuery
        self.maxURLLength = maxURLLength
        self.trapGuard = trapGuard
    }
}

/// A configuration that passed ``CrawlConfiguration/validated()``.
public struct ValidatedCrawlConfiguration: Sendable {
    public let seeds: [WebURL]
    /// Scope, URL filters and canonical-form options, applied to every link and redirect.
    public let rules: LinkRules
    public var scope: CrawlScope { rules.scope }
    public let limits: FrontierLimits
    public let maxRedirects: Int
    public let politeness: SchedulerPolicy
    public let robotsAgent: String
    public let seedRobotsSitemaps: Bool
    /// The cache policy, the request headers compared for `Vary`, and the clock.
    let cache: ResponseSource.Settings
}

/// Bad crawl input, reported before anything is fetched.
public struct CrawlConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
