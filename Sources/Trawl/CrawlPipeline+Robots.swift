import Foundation
import TrawlCore
import TrawlFrontier
import TrawlRobots
import TrawlURL

extension CrawlPipeline {
    /// A cached robots.txt younger than this is used as it is; an older one is fetched again and
    /// used only when the host cannot be reached (RFC 9309 §2.4 allows caching for up to a day).
    static let robotsMaxAge: TimeInterval = 24 * 60 * 60
    /// Redirect hops followed for robots.txt (RFC 9309 §2.3.1.2: at least five).
    static let robotsMaxRedirects = 5

    /// Fetches an origin's robots.txt through the cache and parses it, off the frontier actor.
    ///
    /// 2xx → the rules of the group for our product token; 4xx (but 429) or too many redirects
    /// → everything allowed; 429, 5xx and network failures → a transient failure, so the
    /// frontier keeps the origin's pages waiting and retries with backoff.
    func robots(_ task: CrawlTask) async throws -> TaskOutcome {
        var url = task.url
        var signal: HostThrottle.Signal?
        for _ in 0...Self.robotsMaxRedirects {
            let response: Response
            switch try await robotsResponse(url) {
            case .failed(let reason):
                return .transientFailure(reason, retryAfter: nil, signal: nil)
            case .transient(let received):
                return Self.transientOutcome(for: received)
            case .response(let received, let fromNetwork):
                response = received
                if fromNetwork { signal = .response(elapsed: received.elapsed) }
            }
            if response.isRedirect {
                // The hop may leave the host: it is still this origin's robots.txt.
                guard let location = response.headers["Location"],
                    let target = try? WebURL(url).resolving(location), target.isHTTP
                else { return .robots(.allowAll, sitemaps: [], signal: signal) }
                url = target.canonicalString
                continue
            }
            guard (200..<300).contains(response.status) else {
                return .robots(.allowAll, sitemaps: [], signal: signal)
            }
            let parsed = RobotsTxt(parsing: response.body)
            statistics.update { $0.robotsParsed += 1 }
            return .robots(parsed.rules(for: robotsAgent), sitemaps: parsed.sitemaps, signal: signal)
        }
        return .robots(.allowAll, sitemaps: [], signal: signal)
    }

    /// The robots.txt response for `url`: a cached one under a day old, else a fresh one, else
    /// (the host unreachable) a stale cached one.
    private func robotsResponse(_ url: String) async throws -> Lookup {
        let cached = try await store.cachedResponse(forKey: url)
        if let cached, Date().timeIntervalSince(cached.fetchedAt) < Self.robotsMaxAge {
            countCacheHit(cached, url: url)
            return .response(cached, fromNetwork: false)
        }
        let fresh = try await fetched(url)
        if case .response = fresh { return fresh }
        if let cached {
            logger.debug("robots.txt unreachable, using the stale cached copy", metadata: ["trawl.url": "\(url)"])
            countCacheHit(cached, url: url)
            return .response(cached, fromNetwork: false)
        }
        return fresh
    }
}
