import Foundation
import Logging
import TrawlCore
import TrawlFrontier
import TrawlURL

/// The embeddable crawl engine: seeds in, items out, every response in the store.
///
/// ```swift
/// let crawler = try Crawler(configuration: config, fetcher: fetcher, store: store,
///                           processors: [html, json], sink: writer, logger: logger)
/// let summary = try await crawler.run()
/// ```
/// `run()` starts `limits.concurrency` workers. Each asks the ``Frontier`` for a task, runs it
/// through the pipeline (cache or network, redirects, processors) and hands the links back.
/// Thread-safe: ``stop()`` and ``progress()`` may be called from any task while `run()` runs.
public final class Crawler: Sendable {
    private let configuration: ValidatedCrawlConfiguration
    let frontier: Frontier
    let pipeline: CrawlPipeline
    private let statistics = StatisticsRecorder()
    private let store: any CrawlStore
    private let sink: any ItemSink
    let logger: Logger
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    let journal: CrawlJournal
    private let durable: DurableJob?
    private let stopRequested = StopFlag()

    /// Validates `configuration` (throwing ``CrawlConfigurationError``) and prepares the crawl.
    public init(
        configuration: CrawlConfiguration, fetcher: any Fetcher, store: any CrawlStore,
        processors: [any AsyncProcessor], sink: any ItemSink, logger: Logger, durable: DurableJob? = nil
    ) throws(CrawlConfigurationError) {
        let validated = try configuration.validated()
        self.configuration = validated
        self.store = store
        self.sink = sink
        self.logger = logger
        self.durable = durable
        journal = CrawlJournal(store: durable?.store, sink: sink, nextSequence: durable?.nextItemSequence ?? 1)
        var limits = validated.limits
        if durable != nil { limits.queueWindow = Self.queueWindow }
        frontier = Frontier(limits: limits, policy: validated.politeness)
        pipeline = CrawlPipeline(
            fetcher: fetcher, store: store, processors: processors, rules: validated.rules,
            frontier: frontier, journal: journal, maxRedirects: validated.maxRedirects, robotsAgent: validated.robotsAgent,
            seedRobotsSitemaps: validated.seedRobotsSitemaps, statistics: statistics, logger: logger,
            cache: validated.cache)
        started = clock.now
    }

    /// Crawls until the frontier is empty, a limit is reached or ``stop()`` is called, then
    /// flushes the store and the output.
    ///
    /// Throws only when the store or the output fails; failed pages are counted in the summary.
    public func run() async throws -> CrawlSummary {
        let seeds = configuration.seeds.map {
            CrawlTask(url: $0.canonicalString, hostKey: $0.hostKey, depth: 0)
        }
        logger.debug("crawl started", metadata: ["trawl.seeds": "\(seeds.count)"])
        do {
            if let durable { await frontier.setRefiller(Self.refiller(durable.store)) }
            // A slow crawl fills a write batch slowly: commit at least every couple of seconds so
            // that a kill -9 costs at most that much work (or one batch on a fast crawl).
            let committer = durable.map { Self.periodicCommits(of: $0.store) }
            defer { committer?.cancel() }
            if let durable, durable.resume {
                try await restore(from: durable.store)
            } else {
                let changes = await frontier.add(seeds)
                for record in changes.records {
                    try await pipeline.record(record)
                    try await journal.record(record)
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<configuration.limits.concurrency {
                    group.addTask { [frontier, pipeline, journal] in
                        while let task = await frontier.next() {
                            let result: CrawlPipeline.Result
                            do {
                                result = try await pipeline.run(task)
                            } catch {
                                await frontier.complete(task, outcome: .finished(nil), discovered: [])
                                throw error
                            }
                            let changes = await frontier.complete(task, outcome: result.outcome, discovered: result.links)
                            for record in changes.records {
                                try await pipeline.record(record)
                                try await journal.record(record)
                            }
                            switch result.outcome {
                            case .transientFailure:
                                // Retried later, unless the frontier gave up (then it is recorded above).
                                if !changes.records.contains(where: { $0.task.url == task.url }) {
                                    try await journal.retrying(task)
                                }
                            case .finished, .robots:
                                try await journal.pageFinished(
                                    task, items: result.items, failure: result.failure, redirects: result.redirects,
                                    queued: changes.queued)
                            }
                        }
                    }
                }
                do {
                    try await group.waitForAll()
                } catch {
                    await frontier.stop()
                    throw error
                }
            }
        } catch {
            try? await store.close()
            try? await sink.close()
            throw error
        }
        let snapshot = await frontier.snapshot
        if let durable {
            try await durable.store.saveHostStates(await frontier.hostSnapshots())
            if !stopRequested.isSet { try await durable.store.setJobFinished(true, at: Date()) }
            if let run = durable.run { try await durable.store.endRun(run, at: Date()) }
        }
        try await store.close()
        try await sink.close()
        return CrawlSummary(
            statistics: statistics.snapshot, elapsed: clock.now - started,
            stopped: snapshot.queued > 0, scheduler: await frontier.report,
            robotsIgnored: !configuration.politeness.obeyRobots)
    }

    /// Stops handing out new work; pages in flight finish and `run()` returns normally.
    public func stop() async {
        stopRequested.set()
        await frontier.stop()
    }

    /// Counts so far, for a progress display.
    public func progress() async -> CrawlProgress {
        let snapshot = await frontier.snapshot
        return CrawlProgress(
            statistics: statistics.snapshot, queued: snapshot.queued, inFlight: snapshot.inFlight,
            elapsed: clock.now - started)
    }
}

/// A crawl in progress.
public struct CrawlProgress: Sendable {
    public var statistics: CrawlStatistics
    public var queued: Int
    public var inFlight: Int
    public var elapsed: Duration
}

/// What a finished crawl did.
public struct CrawlSummary: Sendable {
    public var statistics: CrawlStatistics
    public var elapsed: Duration
    /// True when the crawl ended with URLs still queued (stopped, or the page limit).
    public var stopped: Bool
    /// Retries, slowed hosts and links the frontier dropped.
    public var scheduler: SchedulerReport
    /// True when `--ignore-robots` was given.
    public var robotsIgnored: Bool

    /// Pages finished per second of wall time.
    public var pagesPerSecond: Double {
        let seconds = elapsed.seconds
        return seconds > 0 ? Double(statistics.pagesDone) / seconds : 0
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    public var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
