import TrawlCore

/// What one worker knows, guarded by its lock: the child, the pages waiting for answers, and
/// the recent exits that decide whether it may restart.
struct CommandWorkerState {
    /// A page handed to the worker and not yet answered, failed or timed out.
    struct Pending {
        var continuation: CheckedContinuation<JSONValue, any Error>
        var line: [UInt8]
        /// The generation of the child the line was written to; nil while waiting for a child.
        var sentTo: Int?
        var attempts = 0
        /// Submission order, to find the oldest page when an answer cannot be matched.
        var order: Int
        var timer: Task<Void, Never>?
    }

    var child: ChildProcess?
    /// Counts children started; answers and exits of an older generation are stale.
    var generation = 0
    /// A child is being started (possibly after a backoff); new pages wait for it.
    var spawning = false
    var stopped = false
    var nextID = 1
    var nextOrder = 0
    var pending: [Int: Pending] = [:]
    /// When children exited, within the restart window.
    var exits: [ContinuousClock.Instant] = []
    var stderrTail = StderrTail()
    /// Stderr lines logged for the current child; past a limit they are only kept in the tail.
    var stderrLinesLogged = 0

    /// Removes and returns the page `id`, cancelling its timer.
    mutating func take(_ id: Int) -> Pending? {
        guard let page = pending.removeValue(forKey: id) else { return nil }
        page.timer?.cancel()
        return page
    }

    /// Removes and returns every page waiting, oldest first.
    mutating func takeAll(where predicate: (Pending) -> Bool = { _ in true }) -> [Pending] {
        let ids = pending.filter { predicate($0.value) }.sorted { $0.value.order < $1.value.order }.map(\.key)
        return ids.compactMap { take($0) }
    }

    /// Forgets exits older than `window` seconds before `now`.
    mutating func pruneExits(now: ContinuousClock.Instant, window: Double) {
        exits.removeAll { now - $0 > .seconds(window) }
    }
}
