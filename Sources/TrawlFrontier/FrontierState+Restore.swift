import Foundation

/// Resuming a crawl: the durable frontier reloads what an earlier run left in the store.
extension FrontierState {
    /// Marks `urls` known (done, failed or queued in an earlier run): links to them are
    /// duplicates from now on.
    public mutating func restoreKnown(_ urls: some Sequence<String>) {
        for url in urls { known.insert(url) }
    }

    /// Queues a page an earlier run had queued (or had in flight), with the attempts it already
    /// made; it waits for its origin's robots.txt like any new page. Nothing is dropped: the
    /// page was admitted under the job's limits when it was first discovered.
    public mutating func restoreQueued(_ task: CrawlTask, attempts: Int, now: Duration = .zero) -> AddResult {
        var task = task
        task.attempt = attempts
        known.insert(task.url)
        let result = admitRestored(task, now: now)
        if attempts > 0, case .queued = result { pendingRetries += 1 }
        return result
    }

    /// Counts pages an earlier run finished: toward `--max-pages` (`finished`) and each host's
    /// `--max-pages-per-host` budget.
    public mutating func restoreProgress(finished: Int, perHost: [String: Int]) {
        dispatchedCount += finished
        for (key, count) in perHost { hosts[key, default: newHost].accepted += count }
    }

    /// Restores a host's scheduler state from before the restart: a backoff still running at
    /// `backoffUntil` (on this run's clock), and what the adaptive throttle had learned.
    public mutating func restoreHost(
        _ key: String, backoffUntil: Duration?, concurrency: Int, extraDelay: Double, crawlDelay: Double
    ) {
        var host = hosts[key, default: newHost]
        if let backoffUntil, backoffUntil > host.backoffUntil { host.backoffUntil = backoffUntil }
        let learned = min(max(1, concurrency), limits.perHost)
        host.throttle = HostThrottle(
            concurrency: learned, extraDelay: extraDelay, wasSlowed: learned < limits.perHost || extraDelay > 0)
        host.crawlDelay = crawlDelay
        hosts[key] = host
    }

    /// Every host's scheduler state worth keeping across a restart, with backoffs as times on
    /// this run's clock (nil when none is running at `now`).
    public func hostStates(now: Duration) -> [(key: String, backoffUntil: Duration?, concurrency: Int, extraDelay: Double, crawlDelay: Double)] {
        hosts.map { key, host in
            (key, host.backoffUntil > now ? host.backoffUntil : nil, host.throttle.concurrency,
             host.throttle.extraDelay, host.crawlDelay)
        }.sorted { $0.key < $1.key }
    }
}
