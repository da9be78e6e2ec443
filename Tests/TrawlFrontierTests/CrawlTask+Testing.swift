import TrawlCore
import TrawlFrontier
import TrawlRobots

extension CrawlTask {
    /// The page `http://HOST/PATH`, whose host key is `host`.
    static func page(_ path: String, host: String = "a", depth: Int = 0) -> CrawlTask {
        CrawlTask(url: "http://\(host)/\(path)", hostKey: host, depth: depth)
    }
}

extension TaskOutcome {
    /// A 503 (or any transient failure), with the server's Retry-After if given.
    static func unavailable(retryAfter: Double? = nil, signal: HostThrottle.Signal? = nil) -> TaskOutcome {
        .transientFailure(FailureReason(.httpStatus, "503"), retryAfter: retryAfter, signal: signal)
    }

    /// A robots.txt task that found `text`, parsed for the `Trawl` product token.
    static func robots(_ text: String, sitemaps: [String] = []) -> TaskOutcome {
        .robots(RobotsTxt(text).rules(for: "Trawl"), sitemaps: sitemaps, signal: nil)
    }
}

extension FrontierState {
    /// The time `nextTask(now:)` says to wait for, or nil when it hands out a task or says none.
    ///
    /// Handing out a task would change the state, so only call this when the answer must be a wait.
    mutating func waitDeadline(at now: Duration) -> Duration? {
        if case .wait(let until) = nextTask(now: now) { return until }
        return nil
    }

    /// Every task handed out at `now`, in order, until the state says wait or none.
    mutating func drain(at now: Duration) -> [CrawlTask] {
        var tasks: [CrawlTask] = []
        while let task = next(at: now) { tasks.append(task) }
        return tasks
    }
}
