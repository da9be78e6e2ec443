import Logging
import TrawlCore
import TrawlFrontier
import TrawlURL

/// What happens to one task, top to bottom: cache or network, redirects, processors, item, links.
///
/// Runs inside a worker task (on the cooperative pool, one per core), never on the frontier actor.
/// A page that fails is recorded and counted; only a broken store or output throws.
struct CrawlPipeline: Sendable {
    let fetcher: any Fetcher
    let store: any CrawlStore
    let processors: [any Processor]
    let sink: any ItemSink
    let scope: CrawlScope
    let frontier: Frontier
    let maxRedirects: Int
    let statistics: StatisticsRecorder
    let logger: Logger

    /// Runs `task` and returns the in-scope links it discovered.
    func run(_ task: CrawlTask) async throws -> [CrawlTask] {
        defer { statistics.update { $0.pagesDone += 1 } }
        var url = task.url
        var chain: Set<String> = [url]
        while true {
            let response: Response
            switch try await cachedOrFetched(url) {
            case .failed(let reason):
                try await recordFailure(reason, url: url)
                return []
            case .response(let received):
                response = received
            }
            guard response.isRedirect else {
                return try await finish(response, url: url, depth: task.depth)
            }
            switch await nextHop(after: response, url: url, chain: chain) {
            case .follow(let target):
                chain.insert(target)
                url = target
            case .alreadyKnown:
                return []
            case .failed(let reason):
                try await recordFailure(reason, url: url)
                return []
            }
        }
    }

    // MARK: - 1. Cache, then network

    /// The cached response for `url`, or a fresh one stored in the cache.
    private func cachedOrFetched(_ url: String) async throws -> FetchOutcome {
        if let cached = try await store.cachedResponse(forKey: url) {
            statistics.update {
                $0.fromCache += 1
                $0.bytesFromCache += cached.body.count
            }
            logger.trace("cache hit", metadata: ["trawl.url": "\(url)"])
            return .response(cached)
        }
        let outcome = await fetcher.fetch(FetchRequest(url: url))
        if case .response(let response) = outcome {
            statistics.update {
                $0.fetched += 1
                $0.bytesFetched += response.body.count
            }
            try await store.store(response, key: url)
        }
        return outcome
    }

    // MARK: - 2. Redirects, followed here so that each hop is cached and scope-checked

    private enum Hop {
        case follow(String)
        case alreadyKnown
        case failed(FailureReason)
    }

    private func nextHop(after response: Response, url: String, chain: Set<String>) async -> Hop {
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
        return await frontier.claim(canonical) ? .follow(canonical) : .alreadyKnown
    }

    // MARK: - 3. The final response: processors, item, links

    private func finish(_ response: Response, url: String, depth: Int) async throws -> [CrawlTask] {
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

    private func recordFailure(_ reason: FailureReason, url: String) async throws {
        statistics.update { $0.failedByReason[reason.label, default: 0] += 1 }
        logger.debug("page failed", metadata: ["trawl.url": "\(url)", "trawl.reason": "\(reason)"])
        try await store.recordFailure(reason, key: url, url: url)
    }
}
