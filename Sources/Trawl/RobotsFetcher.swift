import Foundation
import Logging
import TrawlCore
import TrawlHTTPCache
import TrawlRobots
import TrawlURL

/// Fetches an origin's robots.txt through the cache and parses it: the one implementation the
/// crawler and `trawl robots` share, so that the command answers exactly as a crawl decides.
///
/// The cache is used through the crawl's policy (`--cache-mode`; in `prefer` mode a cached
/// robots.txt under ``maxAge`` is used as it is, an older one revalidated or fetched again); a
/// cached copy of any age is used when the host cannot be reached. Offline, the cached copy is
/// used whatever its age, and an origin whose robots.txt was never cached allows everything: no
/// request is made, and its pages are served from the cache when they are there. Up to ``maxRedirects`` redirect hops are followed, to any
/// host. A 2xx body gives the rules of the group for the agent; a 4xx (but 429) or any other
/// final status, or a redirect that cannot be followed, allows everything; 429, 5xx and network
/// failures leave the robots.txt unavailable (RFC 9309 §2.3.1). Nothing is retried here: the
/// crawler's frontier retries an unavailable robots.txt with backoff.
///
/// A value of `Sendable` references: ``fetch(origin:)`` may run from any task, concurrently.
public struct RobotsFetcher: Sendable {
    /// A cached robots.txt younger than this is used without asking the server (RFC 9309 §2.4
    /// allows caching for up to a day; longer and a site's new rules would be ignored).
    public static let maxAge: TimeInterval = 24 * 60 * 60
    /// Redirect hops followed for robots.txt (RFC 9309 §2.3.1.2: at least five).
    public static let maxRedirects = 5

    private let source: ResponseSource
    /// The product token matched against `User-agent` lines (`Trawl`).
    public let agent: String

    /// A fetcher that reads and fills `store` and asks `fetcher` on a miss, for the product token
    /// `agent`.
    /// `policy` is the cache mode of `trawl robots` (`prefer` by default, as a crawl's).
    public init(
        fetcher: any Fetcher, store: any CrawlStore, agent: String, logger: Logger,
        policy: HTTPCachePolicy = HTTPCachePolicy(mode: .prefer)
    ) {
        var source = ResponseSource(fetcher: fetcher, store: store, statistics: StatisticsRecorder(), logger: logger)
        source.settings.policy = policy
        self.init(source: source, agent: agent)
    }

    /// A fetcher that counts its responses in the crawl's statistics.
    init(source: ResponseSource, agent: String) {
        self.source = source
        self.agent = agent
    }

    /// The robots.txt of `origin` (`scheme://host[:port]`, no trailing slash).
    ///
    /// Throws only when the store fails; an unreachable server is an ``RobotsFetchResult/Outcome/unavailable(_:response:)``.
    public func fetch(origin: String) async throws -> RobotsFetchResult {
        var url = origin + "/robots.txt"
        var elapsed: Double?
        for _ in 0...Self.maxRedirects {
            let response: Response
            switch try await cachedOrFresh(url) {
            case .failed(let reason) where reason.code == .notInCache:
                // Offline and never fetched: nothing is requested, so nothing is disallowed.
                return RobotsFetchResult(outcome: .allowAll(reason: "not in the cache (offline)"), networkElapsed: elapsed)
            case .failed(let reason):
                return RobotsFetchResult(outcome: .unavailable(reason, response: nil), networkElapsed: elapsed)
            case .transient(let received):
                let reason = FailureReason(.httpStatus, String(received.status))
                return RobotsFetchResult(outcome: .unavailable(reason, response: received), networkElapsed: elapsed)
            case .response(let received, let fromNetwork):
                response = received
                if fromNetwork { elapsed = received.elapsed }
            }
            if response.isRedirect {
                // The hop may leave the host: it is still this origin's robots.txt.
                guard let location = response.headers["Location"],
                    let target = try? WebURL(url).resolving(location), target.isHTTP
                else {
                    return RobotsFetchResult(
                        outcome: .allowAll(reason: "\(response.status) without a usable Location"),
                        networkElapsed: elapsed)
                }
                url = target.canonicalString
                continue
            }
            guard (200..<300).contains(response.status) else {
                return RobotsFetchResult(outcome: .allowAll(reason: String(response.status)), networkElapsed: elapsed)
            }
            let parsed = RobotsTxt(parsing: response.body)
            source.statistics.update { $0.robotsParsed += 1 }
            return RobotsFetchResult(
                outcome: .rules(parsed.rules(for: agent), sitemaps: parsed.sitemaps), networkElapsed: elapsed)
        }
        return RobotsFetchResult(
            outcome: .allowAll(reason: "more than \(Self.maxRedirects) redirects"), networkElapsed: elapsed)
    }

    /// The policy robots.txt is read under: the crawl's, but in `prefer` mode no copy older than
    /// ``maxAge`` is used without asking the server (revalidated when it has a validator).
    var policy: HTTPCachePolicy {
        var policy = source.settings.policy
        if policy.mode == .prefer {
            let limit = Duration.seconds(Self.maxAge)
            policy.maxAge = min(policy.maxAge ?? limit, limit)
        }
        return policy
    }

    /// The robots.txt response for `url` through the shared ``ResponseSource``; when that gives
    /// none (the host unreachable, or offline with no usable copy), any cached copy, whatever
    /// its age or cache directives: stale rules beat none, and offline never asks the server.
    private func cachedOrFresh(_ url: String) async throws -> ResponseSource.Lookup {
        let lookup = try await source.lookUp(url, policy: policy)
        if case .response = lookup { return lookup }
        guard let cached = try await source.store.cachedResponse(forKey: url) else { return lookup }
        source.logger.debug(
            "robots.txt not available, using the cached copy", metadata: ["trawl.url": "\(url)"])
        source.countCacheHit(cached, url: url)
        return .response(cached, fromNetwork: false)
    }
}

/// What ``RobotsFetcher/fetch(origin:)`` found.
public struct RobotsFetchResult: Sendable {
    /// The robots.txt's verdict on the origin as a whole.
    public enum Outcome: Sendable {
        /// A 2xx robots.txt: the rules of the group for the agent, and its `Sitemap:` URLs.
        case rules(RobotsRules, sitemaps: [String])
        /// No usable robots.txt, so everything is allowed; `reason` is the final status (`404`)
        /// or what went wrong with the redirects (`more than 5 redirects`).
        case allowAll(reason: String)
        /// 429, a 5xx or a network failure: nothing of the origin may be fetched for now.
        /// `response` is the transient response, when there was one (for its `Retry-After`).
        case unavailable(FailureReason, response: Response?)
    }

    public var outcome: Outcome
    /// Seconds the last response taken from the network took; nil when none was (all cached).
    public var networkElapsed: Double?
}
