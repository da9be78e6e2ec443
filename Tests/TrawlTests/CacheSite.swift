import Foundation
import Synchronization
import Testing
import Trawl
import TrawlCore
import TrawlFetch
import TrawlFrontier
import TrawlHTTPCache
import TrawlStore
import TrawlTestSupport

/// A clock the test moves by hand: cache ages without sleeping.
final class HandClock: Sendable {
    private let current: Mutex<Date>

    /// Starts at the current whole second, so that HTTP dates (whole seconds) round-trip.
    init() {
        current = Mutex(Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
    }

    var date: Date { current.withLock { $0 } }

    func advance(_ seconds: Double) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// The closure the engine reads time from.
    var now: @Sendable () -> Date { { [self] in date } }

    /// `date` plus `offset` seconds as an HTTP date.
    func http(_ offset: Double = 0) -> String {
        HTTPDate.format(date.addingTimeInterval(offset))
    }
}

/// A loopback site of ``ConditionalResource``s, crawled again and again through one SQLite cache
/// with a chosen cache mode, on a ``HandClock``. robots.txt is a plain 404 unless given.
struct CacheSite {
    let server: TestHTTPServer
    let resources: [String: ConditionalResource]
    let harness: CrawlHarness
    let clock: HandClock

    /// Serves `contents` by request target; `clock` is the engine's, given when the contents'
    /// dates must be written relative to it.
    init(_ contents: [String: ConditionalResource.Content], clock: HandClock = HandClock()) throws {
        self.clock = clock
        let resources = contents.mapValues { ConditionalResource($0) }
        self.resources = resources
        server = try TestHTTPServer { request in
            resources[request.target]?.respond(request) ?? .notFound
        }
        harness = try CrawlHarness()
    }

    func stop() {
        server.stop()
        harness.removeCache()
    }

    func url(_ path: String) -> String { server.url(path) }

    subscript(path: String) -> ConditionalResource {
        resources[path] ?? ConditionalResource(ConditionalResource.Content(.notFound))
    }

    /// Crawls `paths` (every resource but robots.txt, by default) once in `mode`.
    func crawl(
        _ mode: CacheMode, maxAge: Duration? = nil, paths: [String]? = nil, obeyRobots: Bool = false,
        userAgent: String = TrawlVersion.defaultUserAgent
    ) async throws -> (summary: CrawlSummary, items: [Item], failures: [String: FailureReason]) {
        let seeds = (paths ?? resources.keys.filter { $0 != "/robots.txt" }.sorted()).map(url)
        var configuration = CrawlConfiguration(
            seeds: seeds, limits: FrontierLimits(maxDepth: 0),
            politeness: SchedulerPolicy(obeyRobots: obeyRobots, adaptive: false, retry: RetryPolicy(maxRetries: 0)))
        configuration.cachePolicy = HTTPCachePolicy(mode: mode, maxAge: maxAge)
        configuration.userAgent = userAgent
        configuration.now = clock.now
        var fetch = FetchConfiguration()
        fetch.userAgent = userAgent
        return try await harness.crawlRecordingFailures(configuration, fetch: fetch)
    }

    /// The response the cache holds for `path`.
    func stored(_ path: String) async throws -> Response? {
        let store = try SQLiteCrawlStore(path: harness.cachePath)
        let response = try await store.cachedResponse(forKey: url(path))
        try await store.close()
        return response
    }

    /// Every request the server received, conditional or not.
    var requests: Int { server.requestCount }
}

/// The `title` field (the page's `<h1>`) of the item for `url`.
func title(of url: String, in items: [Item]) -> String? {
    guard case .string(let text)? = items.first(where: { $0.url == url })?.fields.first(where: { $0.name == "title" })?.value
    else { return nil }
    return text
}

extension ConditionalResource.Content {
    /// An HTML page titled `title`, with `Cache-Control: cacheControl` (none when nil) and any
    /// further header fields.
    static func page(
        _ title: String, cacheControl: String? = nil, etag: String? = nil, lastModified: String? = nil,
        headers: [(String, String)] = [], notModified: [(String, String)] = []
    ) -> ConditionalResource.Content {
        var response = TestResponse.html("<html><body><h1>\(title)</h1></body></html>")
        if let cacheControl { response.headers.add(name: "Cache-Control", value: cacheControl) }
        for (name, value) in headers { response.headers.add(name: name, value: value) }
        var notModifiedHeaders: HTTPHeaders = []
        for (name, value) in notModified { notModifiedHeaders.add(name: name, value: value) }
        return ConditionalResource.Content(
            response, etag: etag, lastModified: lastModified, notModifiedHeaders: notModifiedHeaders)
    }
}
