import Synchronization
import TrawlCore
import TrawlFrontier
import TrawlHTTPCache

/// Counts of what a crawl did; a snapshot is taken for the progress line and the summary.
public struct CrawlStatistics: Sendable, Hashable {
    /// Responses received from the network (every redirect hop counts).
    public var fetched = 0
    /// Responses served from the cache without touching the network.
    public var fromCache = 0
    /// Pages that ended in a failure, by ``FailureReason/label``.
    public var failedByReason: [String: Int] = [:]
    /// Items written to the output.
    public var items = 0
    /// Field values that did not convert to their field's type (left out or `null`).
    public var fieldWarnings = 0
    /// Decoded body bytes received from the network.
    public var bytesFetched = 0
    /// Body bytes read from the cache.
    public var bytesFromCache = 0
    /// Pages whose processing finished (any outcome).
    public var pagesDone = 0
    /// Pages robots.txt forbids: recorded, never requested.
    public var blockedByRobots = 0
    /// robots.txt files parsed (fetched or from the cache).
    public var robotsParsed = 0
    /// Links found on pages but not queued, by reason (`out-of-scope`, `too-long`, `trap`, …).
    public var droppedLinks = LinkDropCounts()
    /// What processors skipped or noticed, summed by label (`sitemap-truncated`, …).
    public var processorNotes: [String: Int] = [:]
    /// What the cache did for each request: served, revalidated (304 or changed), fetched,
    /// not stored, missed offline. Counts robots.txt requests and every redirect hop.
    public var cache = CacheCounters()

    public var failed: Int { failedByReason.values.reduce(0, +) }
}

/// Thread-safe accumulator of ``CrawlStatistics``, updated from every worker.
final class StatisticsRecorder: Sendable {
    private let state = Mutex(CrawlStatistics())

    func update(_ body: (inout CrawlStatistics) -> Void) {
        state.withLock { body(&$0) }
    }

    var snapshot: CrawlStatistics { state.withLock { $0 } }
}
