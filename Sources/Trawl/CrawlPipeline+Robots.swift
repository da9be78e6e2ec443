import TrawlFrontier

extension CrawlPipeline {
    /// The origin's robots.txt, fetched through the cache by the ``RobotsFetcher`` that
    /// `trawl robots` uses too, as the frontier's outcome.
    ///
    /// 2xx → the rules of the group for our product token; 4xx (but 429) or a redirect that
    /// cannot be followed → everything allowed; 429, 5xx and network failures → a transient
    /// failure, so the frontier keeps the origin's pages waiting and retries with backoff.
    func robots(_ task: CrawlTask) async throws -> TaskOutcome {
        let result = try await RobotsFetcher(source: source, agent: robotsAgent).fetch(origin: task.origin)
        let signal = result.networkElapsed.map { HostThrottle.Signal.response(elapsed: $0) }
        switch result.outcome {
        case .rules(let rules, let sitemaps):
            return .robots(rules, sitemaps: sitemaps, signal: signal)
        case .allowAll:
            return .robots(.allowAll, sitemaps: [], signal: signal)
        case .unavailable(_, let response?):
            return Self.transientOutcome(for: response)
        case .unavailable(let reason, nil):
            return .transientFailure(reason, retryAfter: nil, signal: nil)
        }
    }
}
