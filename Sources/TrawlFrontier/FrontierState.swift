import DequeModule
import HeapModule
import TrawlCore
import TrawlRobots

/// The frontier's pure state machine: which URLs are known, queued, waiting and in flight, and
/// when each host may be sent its next request.
///
/// No I/O, no clock, no `await`: the ``Frontier`` actor feeds it events with the current time
/// (a `Duration` since the crawl started) and runs what it returns; tests drive it directly with
/// a fake time. Every operation is O(1) amortized, or O(log hosts) where a host is parked.
///
/// Scheduling: each host has a FIFO queue. A host with queued work, a free slot (the global limit,
/// then its own adaptive concurrency) and no delay pending waits in a ready ring, served
/// round-robin. A host whose delay or backoff has not run out is parked in a heap keyed by the
/// time it becomes ready; workers wait for the earliest one only when no host is ready.
/// Discovery is breadth-first, so each host's queue is in depth order.
///
/// Politeness: before an origin's first page, its robots.txt task goes to the front of the
/// host's queue and the origin's pages wait beside it; once the rules are known they are queued
/// or recorded as blocked. Transient failures go back to the front of the queue with a backoff
/// that parks the whole host.
public struct FrontierState: Sendable {
    public let limits: FrontierLimits
    public let policy: SchedulerPolicy
    /// A new host's state: the configured concurrency, no delay yet.
    let newHost: HostState

    /// Every canonical URL ever queued, claimed or blocked, as fingerprints (8 bytes each).
    var known = SeenSet()
    var hosts: [String: HostState] = [:]
    /// Hosts that may start a request now, each at most once.
    var ready: Deque<String> = []
    /// Hosts waiting for their delay or backoff; entries whose host has moved on are stale and
    /// skipped when popped.
    var parked = Heap<ParkedHost>()
    /// robots.txt per origin (`scheme://host[:port]`).
    var origins: [String: OriginRobots] = [:]
    /// Pages of origins whose robots.txt is not known yet.
    var waitingForRobots: [String: [CrawlTask]] = [:]
    /// `Sitemap:` URLs from each origin's robots.txt, for the sitemap processor.
    public internal(set) var sitemaps: [String: [String]] = [:]
    var random: SplitMix64
    /// The next queue position handed out (see ``CrawlTask/position``).
    var nextPosition: Int64
    /// Hosts whose queue drained while pages wait in the store (see ``takeRefills()``).
    var lowHosts: [String] = []
    private var lastSequence = 0
    /// The newest dispatch sequence number handed out.
    var lastSequenceHandedOut: Int { lastSequence }

    /// Pages queued, retrying or waiting for robots.txt (not robots.txt tasks themselves).
    public internal(set) var queuedCount = 0
    public private(set) var inFlightCount = 0
    /// Pages handed out so far, first attempts only (counts toward ``FrontierLimits/maxPages``).
    public internal(set) var dispatchedCount = 0
    /// Pages finished, whatever the outcome.
    public internal(set) var completedCount = 0
    /// Retries scheduled (each retry of each page once).
    public private(set) var retryCount = 0
    /// Retries queued and not yet handed out.
    var pendingRetries = 0
    /// Links not queued, by reason (`too-deep`, `host-page-budget`, `robots`).
    public internal(set) var drops = LinkDropCounts()

    /// - Parameter positionBase: the first queue position; a resumed crawl starts above every
    ///   position an earlier run gave out (the ``Frontier`` uses the wall clock).
    public init(
        limits: FrontierLimits, policy: SchedulerPolicy = SchedulerPolicy(), seed: UInt64 = 0x5EED,
        positionBase: Int64 = 1
    ) {
        nextPosition = positionBase
        self.limits = limits
        self.policy = policy
        newHost = HostState(concurrency: limits.perHost)
        random = SplitMix64(seed: seed)
    }

    /// What happened to a URL offered with ``add(_:now:)``.
    public enum AddResult: Sendable, Hashable {
        case queued
        case duplicate
        case tooDeep
        case overHostBudget
        /// Not queued and recorded: blocked by robots.txt, or the origin's robots.txt failed.
        case recorded(FrontierRecord)
    }

    /// Queues `task` unless its URL is known, it is too deep, its host's page budget is spent, or
    /// robots.txt forbids it.
    @discardableResult
    public mutating func add(_ task: CrawlTask, now: Duration = .zero) -> AddResult {
        if let maxDepth = limits.maxDepth, task.depth > maxDepth {
            drops.record(.tooDeep)
            return .tooDeep
        }
        guard known.insert(task.url) else { return .duplicate }
        return admit(task, now: now, checkBudget: true)
    }

    /// Queues a page restored from the store: admitted once already, so no budget check.
    mutating func admitRestored(_ task: CrawlTask, now: Duration) -> AddResult {
        admit(task, now: now, checkBudget: false)
    }

    /// Queues a known URL unless its host's page budget is spent or robots.txt forbids it.
    private mutating func admit(_ task: CrawlTask, now: Duration, checkBudget: Bool) -> AddResult {
        if checkBudget, let budget = policy.maxPagesPerHost, hosts[task.hostKey]?.accepted ?? 0 >= budget {
            drops.record(.hostPageBudget)
            return .overHostBudget
        }
        if policy.obeyRobots, task.kind == .page {
            let origin = task.origin
            switch origins[origin] {
            case nil:
                origins[origin] = .fetching
                waitingForRobots[origin, default: []].append(task)
                hosts[task.hostKey, default: newHost].accepted += 1
                queuedCount += 1
                hosts[task.hostKey, default: newHost].queueAhead(.robots(origin: origin, hostKey: task.hostKey))
                reconsider(task.hostKey, now: now)
                return .queued
            case .fetching:
                waitingForRobots[origin, default: []].append(task)
                hosts[task.hostKey, default: newHost].accepted += 1
                queuedCount += 1
                return .queued
            case .known(let rules):
                if let record = robotsRecord(for: task, rules: rules) { return .recorded(record) }
            case .unavailable(let reason):
                return .recorded(FrontierRecord(task: task, reason: reason, attempts: 0))
            }
        }
        enqueue(task, now: now)
        return .queued
    }

    /// Marks `url` known without queueing it; false if it was already known.
    ///
    /// Used for redirect targets, which the task that met the redirect fetches itself, so that a
    /// page reached both by a link and by a redirect is requested once.
    public mutating func claim(_ url: String) -> Bool {
        known.insert(url)
    }

    /// Whether `url` has been queued, claimed or blocked.
    public func isKnown(_ url: String) -> Bool { known.contains(url) }

    /// True once the page limit is reached: no new page is handed out (retries still are).
    public var isPageLimitReached: Bool {
        limits.maxPages.map { dispatchedCount >= $0 } ?? false
    }

    /// True when nothing is in flight and nothing more will be handed out.
    public var isFinished: Bool {
        inFlightCount == 0 && (queuedCount == 0 || (isPageLimitReached && pendingRetries == 0))
    }

    /// The next task allowed by the limits, the delays and the backoffs at `now`.
    public mutating func nextTask(now: Duration = .zero) -> Dispatch {
        guard inFlightCount < limits.concurrency else { return .none }
        promoteParkedHosts(now: now)
        while let key = ready.popFirst() {
            // Every change below goes through `hosts[key]` in place: a local copy of the host
            // whose queue is then mutated would copy the whole queue (O(queue) per dispatch).
            guard hosts[key] != nil else { continue }
            hosts[key]?.slot = .idle
            let check = hosts[key].map { host in
                (front: host.queue.first, free: host.inFlight < concurrency(of: host), due: host.readyAt <= now,
                    delay: delay(of: host))
            }
            guard let check, let front = check.front, check.free, check.due else {
                reconsider(key, now: now)
                continue
            }
            // Only retries may still go once the page limit is reached: the host stays idle
            // until one is queued for it.
            if isPageLimitReached && front.attempt == 0 { continue }
            hosts[key]?.queue.removeFirst()
            noteDrained(key)
            hosts[key]?.inFlight += 1
            hosts[key]?.nextStart = now + .seconds(check.delay)
            inFlightCount += 1
            lastSequence += 1
            var task = front
            task.sequence = lastSequence
            if task.kind == .page {
                queuedCount -= 1
                if task.attempt == 0 { dispatchedCount += 1 } else { pendingRetries -= 1 }
            } else if task.attempt > 0 {
                pendingRetries -= 1
            }
            reconsider(key, now: now)
            return .task(task)
        }
        if let earliest = earliestParkedTime() { return .wait(until: earliest) }
        return .none
    }

    /// Records that `task` ended with `outcome` at `now`; returns the pages to record as failed.
    @discardableResult
    public mutating func complete(_ task: CrawlTask, outcome: TaskOutcome, now: Duration = .zero) -> [FrontierRecord] {
        inFlightCount -= 1
        hosts[task.hostKey, default: newHost].inFlight -= 1
        var records: [FrontierRecord] = []
        switch outcome {
        case .finished(let signal):
            feed(signal, from: task)
            if task.kind == .page { completedCount += 1 }
        case .transientFailure(let reason, let retryAfter, let signal):
            feed(signal, from: task)
            records = retryOrGiveUp(task, reason: reason, retryAfter: retryAfter, now: now)
        case .robots(let rules, let sitemaps, let signal):
            feed(signal, from: task)
            records = robotsKnown(rules, sitemaps: sitemaps, origin: task.origin, hostKey: task.hostKey, now: now)
        }
        reconsider(task.hostKey, now: now)
        return records
    }

    /// Hosts the adaptive throttle slowed down, with their concurrency and delay now.
    public var slowedHosts: [SlowedHost] {
        hosts.compactMap { key, host in
            host.throttle.wasSlowed
                ? SlowedHost(host: key, concurrency: concurrency(of: host), delay: delay(of: host)) : nil
        }.sorted { $0.host < $1.host }
    }

    // MARK: - Retries

    private mutating func retryOrGiveUp(
        _ task: CrawlTask, reason: FailureReason, retryAfter: Double?, now: Duration
    ) -> [FrontierRecord] {
        let decision = policy.retry.decision(afterAttempt: task.attempt, retryAfter: retryAfter, random: random.unit())
        let final: FailureReason
        switch decision {
        case .retry(let wait):
            var again = task
            again.attempt += 1
            hosts[task.hostKey, default: newHost].queue.prepend(again)
            let until = now + .seconds(wait)
            if hosts[task.hostKey]?.backoffUntil ?? .zero < until { hosts[task.hostKey]?.backoffUntil = until }
            if task.kind == .page { queuedCount += 1 }
            pendingRetries += 1
            retryCount += 1
            return []
        case .giveUp:
            final = reason
        case .retryAfterTooLong(let seconds):
            final = FailureReason(
                .retryAfterTooLong,
                "Retry-After \(Int(seconds)) s is over \(Int(policy.retry.maxRetryAfter)) s (\(reason))")
        }
        if task.kind == .robots {
            return robotsUnavailable(origin: task.origin, cause: final, attempts: task.attempt + 1)
        }
        completedCount += 1
        return [FrontierRecord(task: task, reason: final, attempts: task.attempt + 1)]
    }

    // MARK: - Hosts


}
