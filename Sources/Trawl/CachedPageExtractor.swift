import Foundation
import Logging
import Synchronization
import TrawlCore
import TrawlFrontier

/// Runs the processors over stored responses, without a frontier or the network: the engine of
/// `trawl extract --all`.
///
/// ```swift
/// let extractor = CachedPageExtractor(processors: [html, json], sink: writer, logger: logger)
/// let summary = try await extractor.run(store.scanResponses(including: { _, status in status < 300 }))
/// ```
/// Each 2xx response becomes a ``Page`` at depth 0 whose URL is the response's final URL (for a
/// cached response that is the URL it was stored under: redirect hops are stored one by one),
/// and goes through the processors exactly as in a crawl, on up to `concurrency` pages at once.
/// Other statuses are skipped and not counted. Links are not followed.
///
/// Thread-safe: ``stop()`` and ``progress()`` may be called from any task while `run(_:)` runs.
public final class CachedPageExtractor: Sendable {
    private let processors: [any AsyncProcessor]
    private let sink: any ItemSink
    private let concurrency: Int
    private let logger: Logger
    private let statistics = StatisticsRecorder()
    private let inFlight = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant

    /// - Parameter concurrency: pages processed at once (at least 1); the default, one per core,
    ///   keeps every core parsing.
    public init(
        processors: [any AsyncProcessor], sink: any ItemSink,
        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount, logger: Logger
    ) {
        self.processors = processors
        self.sink = sink
        self.concurrency = max(1, concurrency)
        self.logger = logger
        started = clock.now
    }

    /// Processes every response of `batches`, writes the items, closes the sink and returns
    /// what was done.
    ///
    /// Throws when `batches` or the sink fails (the sink is closed either way); a page whose
    /// processor throws is counted as a `processing` failure and the run goes on.
    public func run(_ batches: AsyncThrowingStream<[Response], any Error>) async throws -> CrawlSummary {
        let processors = processors
        do {
            try await withThrowingTaskGroup(of: Outcome.self) { group in
                var running = 0
                scan: for try await batch in batches {
                    for response in batch where (200..<300).contains(response.status) {
                        if stopped.load(ordering: .relaxed) { break scan }
                        if running >= concurrency, let done = try await group.next() {
                            running -= 1
                            try await record(done)
                        }
                        group.addTask { await Self.extract(response, processors: processors) }
                        running += 1
                        inFlight.store(running, ordering: .relaxed)
                    }
                }
                while let done = try await group.next() {
                    running -= 1
                    inFlight.store(running, ordering: .relaxed)
                    try await record(done)
                }
            }
        } catch {
            try? await sink.close()
            throw error
        }
        try await sink.close()
        return CrawlSummary(
            statistics: statistics.snapshot, elapsed: clock.now - started,
            stopped: stopped.load(ordering: .relaxed), scheduler: .empty, robotsIgnored: true)
    }

    /// Stops taking new responses; pages in flight finish and `run(_:)` returns normally.
    public func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    /// Counts so far, for a progress display (nothing is ever queued).
    public func progress() -> CrawlProgress {
        CrawlProgress(
            statistics: statistics.snapshot, queued: 0, inFlight: inFlight.load(ordering: .relaxed),
            elapsed: clock.now - started)
    }

    /// One processed page, carried from its child task back to the writer.
    private struct Outcome: Sendable {
        var url: String
        var bodyBytes: Int
        var extraction: PageExtraction
    }

    private static func extract(_ response: Response, processors: [any AsyncProcessor]) async -> Outcome {
        let page = Page(
            url: response.finalURL, status: response.status, headers: response.headers, body: response.body, depth: 0)
        var extraction = await PageExtraction.run(page, processors: processors)
        extraction.links = []  // not followed; no need to carry them to the writer
        return Outcome(url: response.finalURL, bodyBytes: response.body.count, extraction: extraction)
    }

    /// Counts `outcome` and writes its items, on the task that runs the group.
    private func record(_ outcome: Outcome) async throws {
        let extraction = outcome.extraction
        for item in extraction.items { try await sink.write(item) }
        statistics.update { stats in
            stats.pagesDone += 1
            stats.fromCache += 1
            stats.bytesFromCache += outcome.bodyBytes
            stats.items += extraction.items.count
            stats.fieldWarnings += extraction.warnings.count
            stats.processorNotes.merge(extraction.notes, uniquingKeysWith: +)
            if let failure = extraction.failure { stats.failedByReason[failure.label, default: 0] += 1 }
        }
        if let failure = extraction.failure {
            logger.debug("page failed", metadata: ["trawl.url": "\(outcome.url)", "trawl.reason": "\(failure)"])
        }
        for (processor, warning) in extraction.warnings {
            logger.debug(
                "field warning",
                metadata: ["trawl.url": "\(outcome.url)", "trawl.processor": "\(processor)", "trawl.warning": "\(warning)"])
        }
    }
}
