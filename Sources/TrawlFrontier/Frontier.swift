import DequeModule

/// The crawl's scheduler: an actor around ``FrontierState`` that lets workers wait for work.
///
/// Workers call ``next()`` in a loop and ``complete(_:discovered:)`` after each task. `next()`
/// suspends while every eligible host is busy and returns nil once the crawl is finished or
/// stopped. Nothing here does I/O or parsing: those run in the workers, on every core.
public actor Frontier {
    private var state: FrontierState
    private var waiters: Deque<CheckedContinuation<CrawlTask?, Never>> = []
    private var isStopped = false

    public init(limits: FrontierLimits) {
        state = FrontierState(limits: limits)
    }

    /// Queues seeds or discovered URLs; returns how many were new.
    @discardableResult
    public func add(_ tasks: [CrawlTask]) -> Int {
        var added = 0
        for task in tasks where state.add(task) == .queued { added += 1 }
        wakeWaiters()
        return added
    }

    /// Claims a redirect target; false when the URL is already known (queued, claimed or done).
    public func claim(_ url: String) -> Bool {
        state.claim(url)
    }

    /// The next task to run, waiting while hosts are busy; nil when the crawl is over.
    public func next() async -> CrawlTask? {
        if isStopped { return nil }
        if let task = state.nextTask() { return task }
        if state.isFinished { return nil }
        return await withCheckedContinuation { waiters.append($0) }
    }

    /// Finishes `task` and queues the links it discovered.
    public func complete(_ task: CrawlTask, discovered: [CrawlTask]) {
        for link in discovered { state.add(link) }
        state.complete(task)
        wakeWaiters()
    }

    /// Stops handing out work: waiting and later `next()` calls return nil. In-flight tasks finish.
    public func stop() {
        isStopped = true
        wakeWaiters()
    }

    /// Counts for the progress line.
    public var snapshot: FrontierSnapshot {
        FrontierSnapshot(
            queued: state.queuedCount, inFlight: state.inFlightCount,
            dispatched: state.dispatchedCount, completed: state.completedCount)
    }

    private func wakeWaiters() {
        while !waiters.isEmpty {
            if isStopped || state.isFinished {
                let all = waiters
                waiters.removeAll()
                for waiter in all { waiter.resume(returning: nil) }
                return
            }
            guard let task = state.nextTask() else { return }
            waiters.removeFirst().resume(returning: task)
        }
    }
}

/// Frontier counts at one moment.
public struct FrontierSnapshot: Sendable, Hashable {
    public var queued: Int
    public var inFlight: Int
    public var dispatched: Int
    public var completed: Int
}
