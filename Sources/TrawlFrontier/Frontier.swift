import DequeModule
import Foundation
import TrawlCore

/// The crawl's scheduler: an actor around ``FrontierState`` that lets workers wait for work.
///
/// Workers call ``next()`` in a loop and ``complete(_:outcome:discovered:)`` after each task.
/// `next()` suspends while every eligible host is busy, delayed or backing off, and returns nil
/// once the crawl is finished or stopped. When every host with work is parked, one timer runs for
/// the earliest of them; nothing spins or sleeps per URL. Nothing here does I/O or parsing: those
/// run in the workers, on every core.
public actor Frontier {
    private var state: FrontierState
    private let clock: any FrontierClock
    private var waiters: Deque<CheckedContinuation<CrawlTask?, Never>> = []
    private var isStopped = false
    /// The single wake-up timer and the time it is set for.
    private var timer: (deadline: Duration, task: Task<Void, Never>)?
    /// Reads a host's spilled pages back from the job store (see ``FrontierLimits/queueWindow``).
    private var refiller: Refiller?

    /// Reads up to `limit` queued pages of `host` after queue position `after`, in queue order,
    /// from everything the store has committed or buffered.
    public typealias Refiller = @Sendable (_ host: String, _ after: Int64, _ limit: Int) async throws -> [CrawlTask]

    public init(
        limits: FrontierLimits, policy: SchedulerPolicy = SchedulerPolicy(),
        clock: any FrontierClock = ContinuousFrontierClock(), seed: UInt64 = UInt64.random(in: 1...UInt64.max)
    ) {
        // Positions grow across runs: a later run starts above every position an earlier one
        // gave out (2^20 positions per millisecond between the two starts). All are above 2^60,
        // where the job store's own positions (for entries given without one) stay below.
        let base = Int64(Date().timeIntervalSince1970 * 1000) << 20
        state = FrontierState(limits: limits, policy: policy, seed: seed, positionBase: base)
        self.clock = clock
    }

    /// Queues seeds or discovered URLs; returns the pages to record (blocked by robots.txt) and
    /// the tasks queued.
    @discardableResult
    public func add(_ tasks: [CrawlTask]) -> FrontierChanges {
        var changes = FrontierChanges()
        offer(tasks, now: clock.now, into: &changes)
        wakeWaiters()
        return changes
    }

    /// Queues what an earlier run left: `queued` pages (with their attempts) ahead of anything
    /// new, `finished` pages toward the page limits, and each host's saved scheduler state
    /// (backoffs as wall-clock times). Known URLs come through ``restoreKnown(_:)``, a page at a
    /// time. Returns the pages to record.
    @discardableResult
    public func restore(
        queued: [(task: CrawlTask, attempts: Int)], finished: Int, finishedPerHost: [String: Int],
        hosts: [HostSnapshot], wallClockNow: Date = Date()
    ) -> FrontierChanges {
        let now = clock.now
        state.restoreProgress(finished: finished, perHost: finishedPerHost)
        for host in hosts {
            let backoff = host.backoffUntil.map { now + .seconds(max(0, $0.timeIntervalSince(wallClockNow))) }
            state.restoreHost(
                host.hostKey, backoffUntil: backoff, concurrency: host.concurrency, extraDelay: host.extraDelay,
                crawlDelay: host.crawlDelay)
        }
        var changes = FrontierChanges()
        for (task, attempts) in queued {
            switch state.restoreQueued(task, attempts: attempts, now: now) {
            case .recorded(let record): changes.records.append(record)
            case .queued: break
            case .duplicate, .tooDeep, .overHostBudget: break
            }
        }
        wakeWaiters()
        return changes
    }

    /// The scheduler state of every host, to save: backoffs as wall-clock times.
    public func hostSnapshots(wallClockNow: Date = Date()) -> [HostSnapshot] {
        let now = clock.now
        return state.hostStates(now: now).map { host in
            HostSnapshot(
                hostKey: host.key,
                backoffUntil: host.backoffUntil.map { wallClockNow.addingTimeInterval(Self.seconds($0 - now)) },
                concurrency: host.concurrency, extraDelay: host.extraDelay, crawlDelay: host.crawlDelay)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) / 1e18
    }

    /// Marks URLs an earlier run knew as duplicates (a page of them at a time, so that the URLs
    /// themselves never all sit in memory).
    public func restoreKnown(_ urls: [String]) {
        state.restoreKnown(urls)
    }

    /// Sets the reader of spilled pages; required when ``FrontierLimits/queueWindow`` is set.
    public func setRefiller(_ refiller: @escaping Refiller) {
        self.refiller = refiller
    }

    /// Restores a host's queue window: `spilled` more pages wait in the store after `cursor`.
    public func restoreSpilled(host: String, spilled: Int, cursor: Int64) {
        state.restoreSpilled(host, spilled: spilled, cursor: cursor)
    }

    /// Starts a read-back for every host whose window ran low.
    private func startRefills() {
        guard let refiller else { return }
        for refill in state.takeRefills() {
            Task {
                let tasks: [CrawlTask]
                do {
                    tasks = try await refiller(refill.host, refill.after, refill.limit)
                } catch {
                    // A store that cannot be read fails the crawl where it is written; here the
                    // host's spilled pages are left for the next run.
                    tasks = []
                }
                self.refilled(refill.host, tasks: tasks)
            }
        }
    }

    private func refilled(_ host: String, tasks: [CrawlTask]) {
        state.refilled(host, tasks: tasks, now: clock.now)
        wakeWaiters()
        startRefills()
    }

    private func offer(_ tasks: [CrawlTask], now: Duration, into changes: inout FrontierChanges) {
        for var task in tasks {
            state.assignPosition(&task)
            switch state.add(task, now: now) {
            case .recorded(let record): changes.records.append(record)
            case .queued: changes.queued.append(task)
            case .duplicate, .tooDeep, .overHostBudget: break
            }
        }
    }

    /// Claims a redirect target; false when the URL is already known (queued, claimed or done).
    public func claim(_ url: String) -> Bool {
        state.claim(url)
    }

    /// Claims a redirect target for a running task, checking robots.txt (see ``RedirectClaim``).
    /// The task comes back with its queue position, for the caller to record when it is queued.
    public func claimRedirect(_ task: CrawlTask) -> (claim: RedirectClaim, task: CrawlTask) {
        var task = task
        state.assignPosition(&task)
        let claim = state.claimRedirect(task, now: clock.now)
        if claim == .queued { wakeWaiters() }
        return (claim, task)
    }

    /// The next task to run, waiting while hosts are busy or delayed; nil when the crawl is over.
    public func next() async -> CrawlTask? {
        if isStopped { return nil }
        if waiters.isEmpty {
            switch state.nextTask(now: clock.now) {
            case .task(let task):
                startRefills()
                return task
            case .wait(let deadline): arm(deadline)
            case .none: if state.isFinished { return nil }
            }
        }
        startRefills()
        return await withCheckedContinuation { waiters.append($0) }
    }

    /// Finishes `task` with `outcome`, queues the links it discovered, and returns the pages to
    /// record as failed or blocked and the links queued.
    @discardableResult
    public func complete(_ task: CrawlTask, outcome: TaskOutcome, discovered: [CrawlTask]) -> FrontierChanges {
        let now = clock.now
        var changes = FrontierChanges(records: state.complete(task, outcome: outcome, now: now))
        offer(discovered, now: now, into: &changes)
        wakeWaiters()
        return changes
    }

    /// Returns once a request to `hostKey` may go on the wire, at least the host's delay after
    /// the previous one (see ``FrontierState/reserveSend(to:now:)``); call it right before each
    /// network request. Suspends without holding the actor.
    public func waitToSend(to hostKey: String) async {
        let at = state.reserveSend(to: hostKey, now: clock.now)
        if at > clock.now { try? await clock.sleep(until: at) }
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

    /// What the scheduler did, for the summary.
    public var report: SchedulerReport {
        SchedulerReport(
            retries: state.retryCount, slowedHosts: state.slowedHosts, drops: state.drops,
            sitemaps: state.sitemaps)
    }

    private func wakeWaiters() {
        defer { startRefills() }
        while !waiters.isEmpty {
            if isStopped || state.isFinished {
                let all = waiters
                waiters.removeAll()
                timer?.task.cancel()
                timer = nil
                for waiter in all { waiter.resume(returning: nil) }
                return
            }
            switch state.nextTask(now: clock.now) {
            case .task(let task):
                waiters.removeFirst().resume(returning: task)
            case .wait(let deadline):
                arm(deadline)
                return
            case .none:
                return
            }
        }
    }

    /// Makes sure one timer fires at `deadline` (replacing a later one).
    private func arm(_ deadline: Duration) {
        if let timer, timer.deadline <= deadline { return }
        timer?.task.cancel()
        let clock = self.clock
        timer = (
            deadline,
            Task { [weak self] in
                do { try await clock.sleep(until: deadline) } catch { return }
                await self?.timerFired(deadline)
            }
        )
    }

    private func timerFired(_ deadline: Duration) {
        if timer?.deadline == deadline { timer = nil }
        wakeWaiters()
    }
}

/// What one frontier call changed, for the caller to record.
public struct FrontierChanges: Sendable {
    /// Pages the frontier failed or blocked on its own.
    public var records: [FrontierRecord] = []
    /// Offered tasks that were queued (new URLs), in order.
    public var queued: [CrawlTask] = []

    public init(records: [FrontierRecord] = [], queued: [CrawlTask] = []) {
        self.records = records
        self.queued = queued
    }
}

/// Frontier counts at one moment.
public struct FrontierSnapshot: Sendable, Hashable {
    public var queued: Int
    public var inFlight: Int
    public var dispatched: Int
    public var completed: Int
}

/// What the scheduler did over a crawl.
public struct SchedulerReport: Sendable, Hashable {
    /// Retries scheduled after transient failures.
    public var retries: Int
    /// Hosts the adaptive throttle slowed, with their final concurrency and delay.
    public var slowedHosts: [SlowedHost]
    /// Links the frontier did not queue, by reason (`too-deep`, `robots`, `host-page-budget`).
    public var drops: LinkDropCounts
    /// `Sitemap:` URLs found in robots.txt files, by origin.
    public var sitemaps: [String: [String]]
}
