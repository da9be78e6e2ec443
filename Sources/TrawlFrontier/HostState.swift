import TrawlCore
import TrawlRobots

import DequeModule

/// One host's queue and politeness state inside ``FrontierState``.
struct HostState: Sendable {
    /// Tasks waiting, in order; retries and the robots.txt task go to the front.
    var queue: Deque<CrawlTask> = []
    var inFlight = 0
    /// Pages queued or handed out for this host, for `--max-pages-per-host`.
    var accepted = 0
    /// The earliest time the next request may start (the last start plus the delay).
    var nextStart: Duration = .zero
    /// When the host's last request was cleared to go on the wire (see
    /// ``FrontierState/reserveSend(to:now:)``); nil before the first.
    var lastSend: Duration?
    /// Set by a retry's backoff or a Retry-After: no request to the host before then.
    var backoffUntil: Duration = .zero
    /// Crawl-delay from the host's robots.txt (already capped), 0 when none.
    var crawlDelay: Double = 0
    var throttle: HostThrottle
    var slot: Slot = .idle
    /// Queued pages waiting in the job store, not in ``queue`` (see ``FrontierLimits/queueWindow``).
    var spilled = 0
    /// The highest queue position in memory or read back: spilled pages all come after it.
    var cursor: Int64 = 0
    /// True while a read of spilled pages is running.
    var refilling = false

    /// Where the host sits in the scheduler.
    enum Slot: Sendable, Hashable {
        /// Neither ready nor parked: no queued work, or no free slot (a completion reconsiders it).
        case idle
        /// In the ready ring, exactly once.
        case ready
        /// In the parked heap until the given time (its delay or backoff runs until then).
        case parked(Duration)
    }

    init(concurrency: Int) {
        throttle = HostThrottle(concurrency: concurrency)
    }

    /// The time before which the host may not start a request.
    var readyAt: Duration { max(nextStart, backoffUntil) }

    /// Queues `task` ahead of the host's pages but behind its retries: once the page limit is
    /// reached only retries may go, and a first attempt in front of them would hold them back
    /// for ever.
    mutating func queueAhead(_ task: CrawlTask) {
        let index = queue.firstIndex { $0.attempt == 0 } ?? queue.endIndex
        queue.insert(task, at: index)
    }
}

/// A parked host in the heap, ordered by the time it becomes ready.
struct ParkedHost: Sendable, Comparable {
    var time: Duration
    var host: String

    static func < (lhs: ParkedHost, rhs: ParkedHost) -> Bool { lhs.time < rhs.time }
}

/// A page the frontier dropped or failed on its own, for the caller to record in the store.
public struct FrontierRecord: Sendable, Hashable {
    public var task: CrawlTask
    public var reason: FailureReason
    /// Attempts made (0 when the page was never requested, as when robots.txt blocks it).
    public var attempts: Int

    public init(task: CrawlTask, reason: FailureReason, attempts: Int) {
        self.task = task
        self.reason = reason
        self.attempts = attempts
    }
}

/// How a task handed out by ``FrontierState/nextTask(now:)`` ended.
public enum TaskOutcome: Sendable, Hashable {
    /// Done: the page was processed or failed for good (the caller recorded it).
    case finished(HostThrottle.Signal?)
    /// A transient failure (reset, timeout, 429, 503, …): the frontier retries or gives up.
    case transientFailure(FailureReason, retryAfter: Double?, signal: HostThrottle.Signal?)
    /// A robots.txt task ended with these rules (allow-all for a 4xx) and `Sitemap:` URLs.
    case robots(RobotsRules, sitemaps: [String], signal: HostThrottle.Signal?)
}

/// What ``FrontierState/nextTask(now:)`` has for a worker.
public enum Dispatch: Sendable, Hashable {
    case task(CrawlTask)
    /// Nothing may start before this time (every host with work is delayed or backing off).
    case wait(until: Duration)
    /// Nothing to hand out now: work in flight may add more, or the crawl is finished.
    case none
}

/// A host the adaptive throttle slowed down, for the summary.
public struct SlowedHost: Sendable, Hashable {
    public var host: String
    public var concurrency: Int
    public var delay: Double
}
