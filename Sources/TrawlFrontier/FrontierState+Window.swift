/// Per-host queue windows: with ``FrontierLimits/queueWindow`` set, each host keeps at most that
/// many queued pages in memory and the rest in the job store, read back in queue order as the
/// host's queue drains, so that memory stays flat however many URLs are known.
extension FrontierState {
    /// A read of spilled pages to run: `host`'s queued pages after `position`, at most `limit`.
    public struct Refill: Sendable, Hashable {
        public var host: String
        public var after: Int64
        public var limit: Int
    }

    /// Gives `task` the next queue position unless it has one (restored from the store).
    mutating func assignPosition(_ task: inout CrawlTask) {
        guard task.position == 0 else { return }
        task.position = nextPosition
        nextPosition += 1
    }

    /// Hosts whose window ran low while pages wait in the store, each once until ``refilled(_:tasks:now:)``.
    public mutating func takeRefills() -> [Refill] {
        guard let window = limits.queueWindow else { return [] }
        var refills: [Refill] = []
        for key in lowHosts {
            guard var host = hosts[key], host.spilled > 0, !host.refilling, host.queue.count <= window / 2 else { continue }
            host.refilling = true
            hosts[key] = host
            refills.append(Refill(host: key, after: host.cursor, limit: max(1, window - host.queue.count)))
        }
        lowHosts.removeAll(keepingCapacity: true)
        return refills
    }

    /// Notes that `key`'s queue shrank: it may need a read-back.
    mutating func noteDrained(_ key: String) {
        guard let window = limits.queueWindow, let host = hosts[key], host.spilled > 0, !host.refilling,
            host.queue.count <= window / 2
        else { return }
        lowHosts.append(key)
    }

    /// Appends pages read back from the store to `key`'s queue. An empty answer while pages are
    /// counted as spilled means the store has no more (they were counted but never recorded):
    /// the count is dropped so that the crawl can finish.
    public mutating func refilled(_ key: String, tasks: [CrawlTask], now: Duration) {
        guard var host = hosts[key] else { return }
        host.refilling = false
        if tasks.isEmpty {
            queuedCount -= host.spilled
            host.spilled = 0
        } else {
            for task in tasks {
                host.queue.append(task)
                if task.position > host.cursor { host.cursor = task.position }
            }
            host.spilled = max(0, host.spilled - tasks.count)
        }
        hosts[key] = host
        noteDrained(key)
        reconsider(key, now: now)
    }

    /// After a restore: `key` has `spilled` more queued pages in the store, after `cursor`.
    public mutating func restoreSpilled(_ key: String, spilled: Int, cursor: Int64) {
        hosts[key, default: newHost].spilled += spilled
        hosts[key, default: newHost].accepted += spilled
        if cursor > hosts[key, default: newHost].cursor { hosts[key]?.cursor = cursor }
        queuedCount += spilled
        noteDrained(key)
    }
}
