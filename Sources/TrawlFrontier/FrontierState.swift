import DequeModule

/// The frontier's pure state machine: which URLs are known, queued and in flight.
///
/// No I/O, no clock, no `await`: the ``Frontier`` actor feeds it events and runs what it returns,
/// and tests drive it directly. Every operation is O(1) amortized.
///
/// Scheduling: each host has a FIFO queue; hosts that have queued work and a free slot wait in a
/// ready ring, served round-robin. Discovery is breadth-first, so each host's queue is in depth
/// order and the crawl as a whole proceeds level by level, with every host progressing at once.
public struct FrontierState: Sendable {
    public let limits: FrontierLimits

    /// Every canonical URL ever queued or claimed. Bounded by the site; a later issue moves it to
    /// the store so that millions of URLs fit in a fixed memory budget.
    private var known: Set<String> = []
    private var queues: [String: Deque<CrawlTask>] = [:]
    private var inFlightPerHost: [String: Int] = [:]
    /// Hosts with queued tasks and a free per-host slot, each at most once.
    private var ready: Deque<String> = []
    private var inReady: Set<String> = []

    public private(set) var queuedCount = 0
    public private(set) var inFlightCount = 0
    /// Tasks handed out so far (counts toward ``FrontierLimits/maxPages``).
    public private(set) var dispatchedCount = 0
    public private(set) var completedCount = 0

    public init(limits: FrontierLimits) {
        self.limits = limits
    }

    /// What happened to a URL offered with ``add(_:)``.
    public enum AddResult: Sendable, Hashable {
        case queued
        case duplicate
        case tooDeep
    }

    /// Queues `task` unless its URL is already known or it is deeper than the depth limit.
    @discardableResult
    public mutating func add(_ task: CrawlTask) -> AddResult {
        if let maxDepth = limits.maxDepth, task.depth > maxDepth { return .tooDeep }
        guard known.insert(task.url).inserted else { return .duplicate }
        queues[task.hostKey, default: []].append(task)
        queuedCount += 1
        markReadyIfEligible(task.hostKey)
        return .queued
    }

    /// Marks `url` known without queueing it; false if it was already known.
    ///
    /// Used for redirect targets, which the task that met the redirect fetches itself, so that a
    /// page reached both by a link and by a redirect is requested once.
    public mutating func claim(_ url: String) -> Bool {
        known.insert(url).inserted
    }

    /// Whether `url` has been queued or claimed.
    public func isKnown(_ url: String) -> Bool { known.contains(url) }

    /// True once the page limit is reached: nothing more will be handed out.
    public var isPageLimitReached: Bool {
        limits.maxPages.map { dispatchedCount >= $0 } ?? false
    }

    /// The next task allowed by the global and per-host limits, or nil.
    public mutating func nextTask() -> CrawlTask? {
        guard inFlightCount < limits.concurrency, !isPageLimitReached else { return nil }
        while let host = ready.popFirst() {
            inReady.remove(host)
            // Pop in place: copying the queue out of the dictionary would copy every task in it.
            guard let task = queues[host]?.popFirst() else { continue }
            if queues[host]?.isEmpty == true { queues[host] = nil }
            queuedCount -= 1
            inFlightCount += 1
            dispatchedCount += 1
            inFlightPerHost[host, default: 0] += 1
            markReadyIfEligible(host)
            return task
        }
        return nil
    }

    /// Records that `task` finished (fetched, served from cache, or failed).
    public mutating func complete(_ task: CrawlTask) {
        inFlightCount -= 1
        completedCount += 1
        let remaining = (inFlightPerHost[task.hostKey] ?? 1) - 1
        inFlightPerHost[task.hostKey] = remaining > 0 ? remaining : nil
        markReadyIfEligible(task.hostKey)
    }

    /// True when nothing is in flight and nothing more will be handed out.
    public var isFinished: Bool {
        inFlightCount == 0 && (queuedCount == 0 || isPageLimitReached)
    }

    private mutating func markReadyIfEligible(_ host: String) {
        guard !inReady.contains(host), queues[host] != nil,
            inFlightPerHost[host, default: 0] < limits.perHost
        else { return }
        ready.append(host)
        inReady.insert(host)
    }
}
