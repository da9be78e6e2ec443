import TrawlCore
import TrawlRobots

/// What the frontier knows of one origin's robots.txt.
enum OriginRobots: Sendable, Hashable {
    /// The robots.txt task is queued, in flight or backing off; the origin's pages wait.
    case fetching
    case known(RobotsRules)
    /// The retries for robots.txt are spent: every page of the origin fails with this reason.
    case unavailable(FailureReason)
}

extension FrontierState {
    /// The record for a page that `rules` forbid, or nil when it may be crawled.
    mutating func robotsRecord(for task: CrawlTask, rules: RobotsRules) -> FrontierRecord? {
        let verdict = rules.evaluate(task.pathAndQuery)
        guard !verdict.isAllowed else { return nil }
        drops.record(.robots)
        let detail = verdict.rule.map(\.description) ?? "disallowed"
        return FrontierRecord(task: task, reason: FailureReason(.blockedByRobots, detail), attempts: 0)
    }

    /// An origin's robots.txt arrived: its waiting pages are queued or recorded as blocked, and
    /// its Crawl-delay applies to the host from now on.
    mutating func robotsKnown(
        _ rules: RobotsRules, sitemaps: [String], origin: String, hostKey: String, now: Duration
    ) -> [FrontierRecord] {
        origins[origin] = .known(rules)
        if !sitemaps.isEmpty { self.sitemaps[origin] = sitemaps }
        let waiting = waitingForRobots.removeValue(forKey: origin) ?? []
        var host = hosts[hostKey, default: newHost]
        if policy.obeyCrawlDelay, let crawlDelay = rules.crawlDelay {
            host.crawlDelay = max(host.crawlDelay, min(max(0, crawlDelay), policy.maxCrawlDelay))
        }
        // The first page waits the delay (its Crawl-delay included) from the robots.txt answer,
        // not from when the task was handed out: the first request to a host also pays for the
        // connection, so it can reach the server a delay late, right before the page.
        host.nextStart = max(host.nextStart, now + .seconds(delay(of: host)))
        hosts[hostKey] = host
        var records: [FrontierRecord] = []
        for task in waiting {
            queuedCount -= 1
            hosts[task.hostKey, default: newHost].accepted -= 1
            if let record = robotsRecord(for: task, rules: rules) {
                records.append(record)
            } else {
                enqueue(task, now: now)
            }
        }
        return records
    }

    /// An origin's robots.txt could not be had after every retry: its pages fail.
    mutating func robotsUnavailable(origin: String, cause: FailureReason, attempts: Int) -> [FrontierRecord] {
        let reason = FailureReason(.robotsUnavailable, "\(origin)/robots.txt: \(cause)")
        origins[origin] = .unavailable(reason)
        let waiting = waitingForRobots.removeValue(forKey: origin) ?? []
        queuedCount -= waiting.count
        return waiting.map { FrontierRecord(task: $0, reason: reason, attempts: 0) }
    }
}

/// What the frontier says of a redirect target met by a running task.
public enum RedirectClaim: Sendable, Hashable {
    /// The task fetches the target itself (it is new, and robots.txt allows it).
    case follow
    /// Another task has it (queued, claimed or done): the redirecting task ends here.
    case alreadyKnown
    /// The target's origin has no robots.txt verdict yet: it was queued as a page of its own,
    /// behind its robots.txt task.
    case queued
    /// Blocked by robots.txt, or its origin's robots.txt failed: record this.
    case recorded(FrontierRecord)
}

extension FrontierState {
    /// Claims a redirect target for the task that met it, checking robots.txt first.
    public mutating func claimRedirect(_ task: CrawlTask, now: Duration = .zero) -> RedirectClaim {
        guard policy.obeyRobots, case .known(let rules) = origins[task.origin] ?? .fetching else {
            if !policy.obeyRobots { return claim(task.url) ? .follow : .alreadyKnown }
            switch add(task, now: now) {
            case .queued: return .queued
            case .recorded(let record): return .recorded(record)
            case .duplicate, .tooDeep, .overHostBudget: return .alreadyKnown
            }
        }
        guard claim(task.url) else { return .alreadyKnown }
        if let record = robotsRecord(for: task, rules: rules) { return .recorded(record) }
        return .follow
    }
}
