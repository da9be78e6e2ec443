import Foundation

/// A store that also keeps the crawl's job: its settings, every known URL with its state, the
/// items, and the per-host scheduler state, so that an interrupted crawl resumes exactly.
///
/// SQLite implements it (`SQLiteCrawlStore`); a server database can implement it later for
/// several workers. The engine uses it when the store conforms and the crawl is durable.
///
/// Contract (checked by the shared contract suite):
/// - One current job per store. ``startJob(settings:seeds:)`` replaces any earlier job: its URLs,
///   items, runs and host states are deleted (cached responses are kept).
/// - Writes are buffered and committed in batches, in call order, like the ``CrawlStore`` writes
///   they share the buffer with. ``record(_:)`` is atomic: a page's state, its items and the URLs
///   it discovered commit in one transaction or not at all.
/// - ``enqueue(_:)`` and the `discovered` URLs of a ``PageCommit`` never change a URL already
///   known (INSERT OR IGNORE): the first discovery's depth, parent and carried fields win, and a
///   done or failed URL stays so.
/// - Reads see committed state only (call ``CrawlStore/flush()`` first to include pending writes).
public protocol JobStore: CrawlStore {
    /// The current job, or nil when the store has none.
    func currentJob() async throws -> CrawlJob?

    /// Replaces any earlier job with a new one holding `seeds` as queued URLs; committed on return.
    func startJob(settings: JobSettings, seeds: [FrontierEntry]) async throws -> CrawlJob

    /// Replaces the current job's settings (`--resume-anyway`) and queues `seeds` not yet known;
    /// committed on return.
    func updateJob(settings: JobSettings, seeds: [FrontierEntry]) async throws

    /// Starts a run of the current job (one process lifetime); committed on return. Pages
    /// recorded from now on count toward this run (with the time they were recorded).
    func startRun(at date: Date) async throws -> Int64

    /// Ends run `run`; buffered.
    func endRun(_ run: Int64, at date: Date) async throws

    /// Marks the current job finished (or not, when a `--resume-anyway` reopens it); buffered.
    func setJobFinished(_ finished: Bool, at date: Date) async throws

    /// Queues URLs that are not known yet (redirect targets queued as pages, robots.txt
    /// `Sitemap:` URLs, seeds added on resume); buffered.
    func enqueue(_ entries: [FrontierEntry]) async throws

    /// Records one page's outcome with its items and newly discovered URLs, atomically; buffered.
    func record(_ commit: PageCommit) async throws

    /// Saves the scheduler state of hosts (replacing earlier rows for the same host); buffered.
    func saveHostStates(_ states: [HostSnapshot]) async throws

    /// The saved scheduler state of every host of the current job.
    func hostStates() async throws -> [HostSnapshot]

    /// Queued URLs of `hostKey` in queue order (the order they were first queued), after queue
    /// position `after` (exclusive), at most `limit`: a window of the host's queue.
    func queuedURLs(host hostKey: String, after: Int64, limit: Int) async throws -> [FrontierEntry]

    /// Hosts with at least one queued URL, with how many are queued.
    func queuedHosts() async throws -> [String: Int]

    /// Which of `urls` the current job knows (any state), in the same order.
    func areKnown(_ urls: [String]) async throws -> [Bool]

    /// Every URL the current job knows, in no particular order, `limit` at a time after `after`
    /// (an opaque cursor, 0 to start); an empty page ends the scan. For rebuilding a seen-filter.
    func knownURLs(after: Int64, limit: Int) async throws -> (urls: [String], next: Int64)

    /// Counts of the current job's URLs by state, overall and per host, plus items.
    func jobCounts() async throws -> JobCounts

    /// The current job's items in output order with sequence numbers above `after`, at most `limit`.
    func items(after: Int64, limit: Int) async throws -> [RecordedItem]

    /// The runs of the current job, oldest first.
    func runs() async throws -> [JobRun]
}

/// What a job was started with: compared on resume to refuse a changed command.
public struct JobSettings: Sendable, Hashable {
    /// The seeds, canonical, in the order given.
    public var seeds: [String]
    /// Every other setting that changes what the crawl does, as `name → value` text pairs
    /// (limits, scope, rules, politeness, output format); compared key by key on resume.
    public var values: [String: String]

    public init(seeds: [String], values: [String: String]) {
        self.seeds = seeds
        self.values = values
    }
}

/// The durable job record.
public struct CrawlJob: Sendable, Hashable {
    public var id: Int64
    public var settings: JobSettings
    public var createdAt: Date
    /// Set once the frontier ran dry (or the page limit was reached with nothing in flight).
    public var finishedAt: Date?

    public init(id: Int64, settings: JobSettings, createdAt: Date, finishedAt: Date?) {
        self.id = id
        self.settings = settings
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}

/// A URL the job knows, as the frontier needs it to queue the URL again.
public struct FrontierEntry: Sendable, Hashable {
    public var url: String
    public var hostKey: String
    public var depth: Int
    /// Transient failures so far (kept across runs).
    public var attempts: Int
    /// The page the URL was found on; nil for seeds.
    public var parent: String?
    /// Fields handed on by the parent (see `CarryingLink`).
    public var carried: [Field]
    /// Position in its host's queue: queue order. The frontier gives each URL it queues one
    /// (above 2^60, increasing across runs); an entry given with 0 gets the store's next position
    /// below 2^60 (seeds, redirect hops, blocked pages).
    public var position: Int64

    public init(
        url: String, hostKey: String, depth: Int, attempts: Int = 0, parent: String? = nil,
        carried: [Field] = [], position: Int64 = 0
    ) {
        self.url = url
        self.hostKey = hostKey
        self.depth = depth
        self.attempts = attempts
        self.parent = parent
        self.carried = carried
        self.position = position
    }
}

/// The state of a known URL.
public enum URLState: Int, Sendable, Hashable, CaseIterable {
    case queued = 0
    case done = 1
    case failed = 2
}

/// One page's outcome, committed atomically with its items and the URLs it discovered.
public struct PageCommit: Sendable {
    public var url: String
    /// `.done` (processed, or failed for good with an HTTP status the crawl records as a
    /// failure), or `.failed` with `reason`; `.queued` puts the URL back with `attempts`.
    public var state: URLState
    public var reason: FailureReason?
    public var attempts: Int
    /// The page's items, encoded, with the sequence numbers the output file gave them.
    public var items: [RecordedItem]
    /// URLs the page discovered that the frontier queued.
    public var discovered: [FrontierEntry]
    /// Canonical URLs of the redirect targets the page's task fetched itself (the hops of its
    /// chain): recorded done with it (inserted if unknown, under the URL's host), so that a
    /// resumed crawl neither fetches them again nor loses the page's item.
    public var redirects: [String]

    public init(
        url: String, state: URLState, reason: FailureReason? = nil, attempts: Int = 0,
        items: [RecordedItem] = [], discovered: [FrontierEntry] = [], redirects: [String] = []
    ) {
        self.url = url
        self.state = state
        self.reason = reason
        self.attempts = attempts
        self.items = items
        self.discovered = discovered
        self.redirects = redirects
    }
}

/// An item as recorded: its place in the output and its JSON line (no newline).
public struct RecordedItem: Sendable, Hashable {
    public var sequence: Int64
    public var url: String
    public var line: String

    public init(sequence: Int64, url: String, line: String) {
        self.sequence = sequence
        self.url = url
        self.line = line
    }
}

/// The per-host scheduler state that survives a restart.
public struct HostSnapshot: Sendable, Hashable {
    public var hostKey: String
    /// Wall-clock time before which the host may not be sent a request (a backoff).
    public var backoffUntil: Date?
    /// The adaptive throttle's learned concurrency and extra delay in seconds.
    public var concurrency: Int
    public var extraDelay: Double
    /// The robots.txt Crawl-delay in effect (seconds, already capped), 0 when none.
    public var crawlDelay: Double

    public init(hostKey: String, backoffUntil: Date?, concurrency: Int, extraDelay: Double, crawlDelay: Double) {
        self.hostKey = hostKey
        self.backoffUntil = backoffUntil
        self.concurrency = concurrency
        self.extraDelay = extraDelay
        self.crawlDelay = crawlDelay
    }
}

/// Counts of a job's URLs by state.
public struct JobCounts: Sendable, Hashable {
    public var queued: Int
    public var done: Int
    public var failed: Int
    public var items: Int
    /// Per host: queued, done, failed.
    public var hosts: [String: HostCounts]

    public init(queued: Int = 0, done: Int = 0, failed: Int = 0, items: Int = 0, hosts: [String: HostCounts] = [:]) {
        self.queued = queued
        self.done = done
        self.failed = failed
        self.items = items
        self.hosts = hosts
    }
}

/// One host's URL counts.
public struct HostCounts: Sendable, Hashable {
    public var queued: Int
    public var done: Int
    public var failed: Int

    public init(queued: Int = 0, done: Int = 0, failed: Int = 0) {
        self.queued = queued
        self.done = done
        self.failed = failed
    }
}

/// One process lifetime of a job.
public struct JobRun: Sendable, Hashable {
    public var id: Int64
    public var startedAt: Date
    /// Nil while running, or when the process was killed.
    public var endedAt: Date?
    /// Pages recorded (done or failed) during the run, and when the last one was.
    public var pages: Int
    public var lastRecordedAt: Date?

    public init(id: Int64, startedAt: Date, endedAt: Date?, pages: Int, lastRecordedAt: Date?) {
        self.id = id
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.pages = pages
        self.lastRecordedAt = lastRecordedAt
    }
}
