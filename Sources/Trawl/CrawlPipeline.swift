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
    let processors: [any Processor]
    let sink: any ItemSink
    let scope: CrawlScope
    let frontier: Frontier
    let maxRedirects: Int
    /// The product token robots.txt groups are matched against (`Trawl`).
    let robotsAgent: String
    let statistics: StatisticsRecorder
    let logger: Logger

    /// What a task came to: the outcome for the frontier, and the links it discovered.
    struct Result: Sendable {
        var outcome: TaskOutcome
        var links: [CrawlTask] = []
    }

    /// Runs `task` and returns its outcome and the in-scope links it discovered.
    func run(_ task: CrawlTask) async throws -> Result {
        if task.kind == .robots { return Result(outcome: try await robots(task)) }
        var url = task.url
        var chain: Set<String> = [url]
        var signal: HostThrottle.Signal?
        while true {
            let response: Response
            switch try await cachedOrFetched(url) {
            case .failed(let reason):
                if reason.isTransient { return Result(outcome: .transientFailure(reason, retryAfter: nil, signal: nil)) }
                try await recordFailure(reason, url: url)
                return finished(signal)
            case .transient(let received):
                return Result(outcome: Self.transientOutcome(for: received))
            case .response(let received, let fromNetwork):
                response = received
                if fromNetwork { signal = .response(elapsed: received.elapsed) }
            }
            guard response.isRedirect else {
                let links = try await finish(response, url: url, depth: task.depth)
                return Result(outcome: .finished(signal), links: links)
            }
            switch await nextHop(after: response, url: url, chain: chain, depth: task.depth) {
            case .follow(let target):
                chain.insert(target)
                url = target
            case .handedBack:
                return finished(signal)
            case .failed(let reason):
                try await recordFailure(reason, url: url)
                return finished(signal)
            }
        }
    }

    private func finished(_ signal: HostThrottle.Signal?) -> Result {
        statistics.update { $0.pagesDone += 1 }
        return Result(outcome: .finished(signal))
    }

    // MARK: - 1. Cache, then network

    enum Lookup {
        /// A usable response; `fromNetwork` is false for a cache hit.
        case response(Response, fromNetwork: Bool)
        /// A response whose status says "try again later" (408, 429, 5xx): not cached.
        case transient(Response)
        case failed(FailureReason)
    }

    /// The cached response for `url`, or a fresh one stored in the cache.
    ///
    /// Responses with a transient status are not stored, so that a retry, or the next run after
    /// the retries ran out, asks the server again instead of replaying the error.
    func cachedOrFetched(_ url: String) async throws -> Lookup {
        if let cached = try await store.cachedResponse(forKey: url) {
            countCacheHit(cached, url: url)
            return .response(cached, fromNetwork: false)
        }
        return try await fetched(url)
    }

    func fetched(_ url: String) async throws -> Lookup {
        if let hostKey = try? WebURL(url).hostKey { await frontier.waitToSend(to: hostKey) }
        switch await fetcher.fetch(FetchRequest(url: url)) {
        case .failed(let reason):
            return .failed(reason)
        case .response(let response):
            statistics.update {
                $0.fetched += 1
                $0.bytesFetched += response.body.count
            }
            if RetryAfter.transientStatuses.contains(response.status) { return .transient(response) }
            try await store.store(response, key: url)
            return .response(response, fromNetwork: true)
        }
    }

    func countCacheHit(_ cached: Response, url: String) {
        statistics.update {
            $0.fromCache += 1
            $0.bytesFromCache += cached.body.count
        }
        logger.trace("cache hit", metadata: ["trawl.url": "\(url)"])
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

    private func nextHop(after response: Response, url: String, chain: Set<String>, depth: Int) async -> Hop {
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
        let canonical = target.canonicalString
        if chain.contains(canonical) {
            return .failed(FailureReason(.redirectLoop, "back to \(canonical)"))
        }
        if chain.count > maxRedirects {
            return .failed(FailureReason(.tooManyRedirects, "more than \(maxRedirects) hops, last to \(canonical)"))
        }
        guard scope.contains(target) else {
            return .failed(FailureReason(.redirectOutOfScope, canonical))
        }
        let claim = await frontier.claimRedirect(
            CrawlTask(url: canonical, hostKey: target.hostKey, depth: depth))
        switch claim {
        case .follow: return .follow(canonical)
        case .alreadyKnown, .queued: return .handedBack
        case .recorded(let record):
            try? await self.record(record)
            return .handedBack
        }
    }

    // MARK: - 3. The final response: processors, item, links

    private func finish(_ response: Response, url: String, depth: Int) async throws -> [CrawlTask] {
        defer { statistics.update { $0.pagesDone += 1 } }
        if response.status >= 400 {
            try await recordFailure(FailureReason(.httpStatus, String(response.status)), url: url)
            return []
        }
        guard (200..<300).contains(response.status) else { return [] }
        let page = Page(
            url: response.finalURL, status: response.status, headers: response.headers,
            body: response.body, depth: depth)
        var fields: [Field] = []
        var links: [WebURL] = []
        for processor in processors {
            do {
                let output = try processor.process(page)
                fields += output.fields
                links += output.links
            } catch {
                try await recordFailure(FailureReason(.processing, "\(processor.name): \(error)"), url: url)
                return []
            }
        }
        if !fields.isEmpty {
            try await sink.write(Item(url: page.url, fields: fields))
            statistics.update { $0.items += 1 }
        }
        return tasks(for: links, depth: depth + 1)
    }

    /// Canonical, in-scope, de-duplicated tasks for `links`.
    private func tasks(for links: [WebURL], depth: Int) -> [CrawlTask] {
        var seen: Set<String> = []
        var tasks: [CrawlTask] = []
        for url in links where scope.contains(url) {
            let canonical = url.canonicalString
            if seen.insert(canonical).inserted {
                tasks.append(CrawlTask(url: canonical, hostKey: url.hostKey, depth: depth))
            }
        }
        return tasks
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
