import Foundation
import Logging
import TrawlCore
import TrawlFrontier
import TrawlURL

/// What happens to one task, top to bottom: cache or network, redirects, processors, item, links.
///
/// Runs inside a worker task (on the cooperative pool, one per core), never on the frontier actor.
/// A page that fails for good is recorded and counted here; a transient failure goes back to the
/// frontier, which retries it or gives up. Only a broken store or output throws.
struct CrawlPipeline: Sendable {
    let fetcher: any Fetcher
    let store: any CrawlStore
    let processors: [any AsyncProcessor]
    let rules: LinkRules
    let frontier: Frontier
    /// Where queued redirect targets are recorded (a durable crawl persists them).
    let journal: CrawlJournal
    let maxRedirects: Int
    /// The product token robots.txt groups are matched against (`Trawl`).
    let robotsAgent: String
    /// Queue the `Sitemap:` URLs of each robots.txt as depth-0 tasks (`--robots-sitemaps`).
    let seedRobotsSitemaps: Bool
    let statistics: StatisticsRecorder
    let logger: Logger
    /// How the cache is used (`--cache-mode`, `--max-age`), by pages and robots.txt alike.
    var cache = ResponseSource.Settings()

    /// What a task came to: the outcome for the frontier, and the links it discovered.
    struct Result: Sendable {
        var outcome: TaskOutcome
        var links: [CrawlTask] = []
        /// The page's items, for the journal to write and record with the page.
        var items: [Item] = []
        /// Why the page failed for good (already recorded in the store's failures).
        var failure: FailureReason?
        /// Redirect targets this task claimed and fetched itself: done with it.
        var redirects: [String] = []
    }

    /// Runs `task` and returns its outcome and the in-scope links it discovered.
    func run(_ task: CrawlTask) async throws -> Result {
        if task.kind == .robots {
            let outcome = try await robots(task)
            guard seedRobotsSitemaps, case .robots(_, let sitemaps, _) = outcome else { return Result(outcome: outcome) }
            return Result(outcome: outcome, links: tasks(for: sitemaps.compactMap { try? WebURL($0) }, depth: 0))
        }
        var url = task.url
        var chain: Set<String> = [url]
        var signal: HostThrottle.Signal?
        while true {
            let response: Response
            switch try await cachedOrFetched(url) {
            case .failed(let reason):
                if reason.isTransient { return Result(outcome: .transientFailure(reason, retryAfter: nil, signal: nil)) }
                try await recordFailure(reason, url: url)
                return finished(signal, failure: reason, chain: chain, task: task)
            case .transient(let received):
                return Result(outcome: Self.transientOutcome(for: received))
            case .response(let received, let fromNetwork):
                response = received
                if fromNetwork { signal = .response(elapsed: received.elapsed) }
            }
            guard response.isRedirect else {
                var result = try await finish(response, url: url, task: task)
                result.outcome = .finished(signal)
                result.redirects = chain.filter { $0 != task.url }
                return result
            }
            switch await nextHop(after: response, url: url, chain: chain, task: task) {
            case .follow(let target):
                chain.insert(target)
                url = target
            case .handedBack:
                return finished(signal, failure: nil, chain: chain, task: task)
            case .failed(let reason):
                try await recordFailure(reason, url: url)
                return finished(signal, failure: reason, chain: chain, task: task)
            }
        }
    }

    private func finished(
        _ signal: HostThrottle.Signal?, failure: FailureReason?, chain: Set<String>, task: CrawlTask
    ) -> Result {
        statistics.update { $0.pagesDone += 1 }
        return Result(outcome: .finished(signal), failure: failure, redirects: chain.filter { $0 != task.url })
    }

    // MARK: - 1. Cache or network, as the cache mode decides

    typealias Lookup = ResponseSource.Lookup

    /// The cache-then-network source this pipeline reads responses from.
    var source: ResponseSource {
        ResponseSource(
            fetcher: fetcher, store: store, statistics: statistics, logger: logger, settings: cache,
            beforeSend: { [frontier] host in await frontier.waitToSend(to: host) })
    }

    /// The response for `url` from the cache or the network, as the cache policy decides (see ``ResponseSource``).
    func cachedOrFetched(_ url: String) async throws -> Lookup {
        try await source.cachedOrFetched(url)
    }

    /// The frontier's outcome for a response with a transient status.
    static func transientOutcome(for response: Response) -> TaskOutcome {
        let retryAfter = response.headers["Retry-After"].flatMap { RetryAfter.seconds($0, now: Date()) }
        let signal: HostThrottle.Signal =
            response.status == 429 || response.status == 503 ? .pushback : .response(elapsed: response.elapsed)
        return .transientFailure(
            FailureReason(.httpStatus, String(response.status)), retryAfter: retryAfter, signal: signal)
    }

    // MARK: - 2. Redirects, followed here so that each hop is cached and scope-checked

    private enum Hop {
        case follow(String)
        /// The target is someone else's task: already known, queued behind its robots.txt, or
        /// blocked (and recorded by the frontier).
        case handedBack
        case failed(FailureReason)
    }

    private func nextHop(after response: Response, url: String, chain: Set<String>, task: CrawlTask) async -> Hop {
        let location = response.headers["Location"] ?? ""
        let target: WebURL
        do {
            target = try WebURL(url).resolving(location)
        } catch {
            return .failed(FailureReason(.invalidURL, "redirect to '\(location)': \(error)"))
        }
        guard target.isHTTP else {
            return .failed(FailureReason(.unsupportedScheme, "redirect to \(target.scheme): URL \(target)"))
        }
        let canonical: String
        let hostKey: String
        switch rules.admit(target) {
        case .admit(let admitted, let host):
            canonical = admitted
            hostKey = host
        case .drop(.outOfScope):
            return .failed(FailureReason(.redirectOutOfScope, target.canonicalString))
        case .drop(let reason):
            return .failed(FailureReason(.redirectNotFollowed, "\(reason): \(target.canonicalString)"))
        }
        if chain.contains(canonical) {
            return .failed(FailureReason(.redirectLoop, "back to \(canonical)"))
        }
        if chain.count > maxRedirects {
            return .failed(FailureReason(.tooManyRedirects, "more than \(maxRedirects) hops, last to \(canonical)"))
        }
        // A hop queued as a page of its own (behind its robots.txt) keeps the carried fields.
        let (claim, claimed) = await frontier.claimRedirect(
            CrawlTask(url: canonical, hostKey: hostKey, depth: task.depth, carried: task.carried))
        switch claim {
        case .follow: return .follow(canonical)
        case .alreadyKnown: return .handedBack
        case .queued:
            try? await journal.enqueue([claimed], parent: url)
            return .handedBack
        case .recorded(let record):
            try? await self.record(record)
            return .handedBack
        }
    }

    // MARK: - 3. The final response: processors, item, links

    private func finish(_ response: Response, url: String, task: CrawlTask) async throws -> Result {
        let depth = task.depth
        defer { statistics.update { $0.pagesDone += 1 } }
        if response.status >= 400 {
            let reason = FailureReason(.httpStatus, String(response.status))
            try await recordFailure(reason, url: url)
            return Result(outcome: .finished(nil), failure: reason)
        }
        guard (200..<300).contains(response.status) else { return Result(outcome: .finished(nil)) }
        let page = Page(
            url: response.finalURL, status: response.status, headers: response.headers,
            body: response.body, depth: depth)
        let extraction = await PageExtraction.run(page, processors: processors, carried: task.carried)
        if let failure = extraction.failure {
            try await recordFailure(failure, url: url)
            return Result(outcome: .finished(nil), failure: failure)
        }
        countWarnings(extraction.warnings, url: url)
        if !extraction.notes.isEmpty {
            statistics.update { $0.processorNotes.merge(extraction.notes, uniquingKeysWith: +) }
        }
        statistics.update { $0.items += extraction.items.count }
        let links = tasks(
            for: extraction.links, carriedLinks: extraction.carriedLinks, carried: task.carried, depth: depth + 1)
        return Result(outcome: .finished(nil), links: links, items: extraction.items)
    }

    /// Counts the processors' warnings (values that did not convert) and logs each at debug level.
    private func countWarnings(_ warnings: [(processor: String, warning: String)], url: String) {
        guard !warnings.isEmpty else { return }
        statistics.update { $0.fieldWarnings += warnings.count }
        for (processor, warning) in warnings {
            logger.debug("field warning", metadata: ["trawl.url": "\(url)", "trawl.processor": "\(processor)", "trawl.warning": "\(warning)"])
        }
    }

    // MARK: - Recording

    func recordFailure(_ reason: FailureReason, url: String) async throws {
        statistics.update { $0.failedByReason[reason.label, default: 0] += 1 }
        logger.debug("page failed", metadata: ["trawl.url": "\(url)", "trawl.reason": "\(reason)"])
        try await store.recordFailure(reason, key: url, url: url)
    }

    /// Records a page the frontier failed or blocked on its own.
    func record(_ record: FrontierRecord) async throws {
        if record.reason.code == .blockedByRobots {
            statistics.update { $0.blockedByRobots += 1 }
            logger.debug("blocked by robots.txt", metadata: ["trawl.url": "\(record.task.url)", "trawl.rule": "\(record.reason.detail)"])
            try await store.recordFailure(record.reason, key: record.task.url, url: record.task.url)
            return
        }
        var reason = record.reason
        if record.attempts > 1 { reason.detail += " (after \(record.attempts) attempts)" }
        statistics.update { $0.pagesDone += 1 }
        try await recordFailure(reason, url: record.task.url)
    }
}

extension FailureReason {
    /// Failures worth retrying: the server or the path to it may be fine a moment later.
    /// TLS, size and scheme failures are permanent and never retried.
    var isTransient: Bool {
        code == .connect || code == .timeout || code == .dns || code == .network
    }
}
