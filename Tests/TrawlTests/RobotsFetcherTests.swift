import Foundation
import Logging
import Synchronization
import Testing
import Trawl
import TrawlCore
import TrawlHTTPCache
import TrawlRobots
import TrawlStore
import TrawlTestSupport

/// A fetcher that answers from a script and counts what it was asked.
private final class ScriptedFetcher: Fetcher {
    private let script: [String: FetchOutcome]
    private let asked = Mutex<[String]>([])

    init(_ script: [String: FetchOutcome]) { self.script = script }

    func fetch(_ request: FetchRequest) async -> FetchOutcome {
        asked.withLock { $0.append(request.url) }
        return script[request.url] ?? .failed(FailureReason(.connect, "refused"))
    }

    var requests: [String] { asked.withLock { $0 } }
}

/// ``RobotsFetcher``, the robots.txt fetch shared by the crawler and `trawl robots`: cache age,
/// stale fallback, redirects and transient answers, against a real SQLite cache.
@Suite(.timeLimit(.minutes(1)))
struct RobotsFetcherTests {
    static let origin = "http://site.test"
    static let robotsURL = origin + "/robots.txt"

    private func robots(_ text: String, fetchedAt: Date = Date(), url: String = robotsURL) -> Response {
        Response(requestedURL: url, status: 200, body: Array(text.utf8), fetchedAt: fetchedAt)
    }

    /// Runs `body` with a fresh cache holding `cached` (already written).
    private func withStore(
        _ cached: [Response] = [], _ body: (SQLiteCrawlStore) async throws -> Void
    ) async throws {
        let folder = try TemporaryFolder(prefix: "trawl-robots")
        defer { folder.remove() }
        let store = try SQLiteCrawlStore(path: folder.path("c.sqlite"))
        for response in cached { try await store.store(response, key: response.requestedURL) }
        try await store.flush()
        try await body(store)
        try await store.close()
    }

    private func disallowed(_ result: RobotsFetchResult, _ path: String) -> Bool {
        guard case .rules(let rules, _) = result.outcome else { return false }
        return !rules.evaluate(path).isAllowed
    }

    @Test("a cached robots.txt under a day old is used without asking the server")
    func freshCopy() async throws {
        let fetcher = ScriptedFetcher([:])
        try await withStore([robots("User-agent: *\nDisallow: /a\n", fetchedAt: Date().addingTimeInterval(-3600))]) { store in
            let result = try await RobotsFetcher(fetcher: fetcher, store: store, agent: "Trawl", logger: Logger(label: "t"))
                .fetch(origin: Self.origin)
            #expect(disallowed(result, "/a"))
            #expect(result.networkElapsed == nil)
        }
        #expect(fetcher.requests.isEmpty)
    }

    @Test("an older copy is fetched again, and used when the server cannot be reached")
    func staleCopy() async throws {
        let stale = robots("User-agent: *\nDisallow: /old\n", fetchedAt: Date().addingTimeInterval(-2 * 86_400))
        let down = ScriptedFetcher([:])
        try await withStore([stale]) { store in
            let result = try await RobotsFetcher(fetcher: down, store: store, agent: "Trawl", logger: Logger(label: "t"))
                .fetch(origin: Self.origin)
            #expect(disallowed(result, "/old"), "the stale copy beats no robots.txt at all")
        }
        #expect(down.requests == [Self.robotsURL])

        let up = ScriptedFetcher([Self.robotsURL: .response(robots("User-agent: *\nDisallow: /new\n"))])
        try await withStore([stale]) { store in
            let fetcher = RobotsFetcher(fetcher: up, store: store, agent: "Trawl", logger: Logger(label: "t"))
            let result = try await fetcher.fetch(origin: Self.origin)
            #expect(disallowed(result, "/new") && !disallowed(result, "/old"))
            #expect(result.networkElapsed != nil)
        }
    }

    @Test("a 429 is unavailable with its response, for Retry-After; a network failure without one")
    func transientAnswers() async throws {
        let limited = Response(requestedURL: Self.robotsURL, status: 429, headers: [("Retry-After", "7")])
        let fetcher = ScriptedFetcher([Self.robotsURL: .response(limited)])
        try await withStore { store in
            let result = try await RobotsFetcher(fetcher: fetcher, store: store, agent: "Trawl", logger: Logger(label: "t"))
                .fetch(origin: Self.origin)
            guard case .unavailable(let reason, let response) = result.outcome else {
                Issue.record("expected unavailable, got \(result.outcome)")
                return
            }
            #expect(reason.label == "http-429")
            #expect(response?.headers["Retry-After"] == "7")
            #expect(try await store.cachedResponse(forKey: Self.robotsURL) == nil, "a transient answer is not cached")

            let refused = try await RobotsFetcher(
                fetcher: ScriptedFetcher([:]), store: store, agent: "Trawl", logger: Logger(label: "t")
            ).fetch(origin: "http://other.test")
            guard case .unavailable(let cause, nil) = refused.outcome else {
                Issue.record("expected unavailable without a response, got \(refused.outcome)")
                return
            }
            #expect(cause.code == .connect)
        }
    }

    @Test("more than five redirects allow everything after six requests")
    func redirectChain() async throws {
        var script: [String: FetchOutcome] = [:]
        for hop in 0...6 {
            let url = hop == 0 ? Self.robotsURL : "\(Self.origin)/r\(hop)"
            script[url] = .response(
                Response(requestedURL: url, status: 302, headers: [("Location", "/r\(hop + 1)")]))
        }
        let fetcher = ScriptedFetcher(script)
        try await withStore { store in
            let result = try await RobotsFetcher(fetcher: fetcher, store: store, agent: "Trawl", logger: Logger(label: "t"))
                .fetch(origin: Self.origin)
            guard case .allowAll(let reason) = result.outcome else {
                Issue.record("expected allowAll, got \(result.outcome)")
                return
            }
            #expect(reason == "more than 5 redirects")
        }
        #expect(fetcher.requests.count == 6)
    }

    @Test("offline, a cached robots.txt of any age is used and a missing one allows everything, with no request")
    func offline() async throws {
        let fetcher = ScriptedFetcher([:])
        let old = robots("User-agent: *\nDisallow: /old\n", fetchedAt: Date().addingTimeInterval(-400 * 86_400))
        try await withStore([old]) { store in
            let offline = RobotsFetcher(
                fetcher: fetcher, store: store, agent: "Trawl", logger: Logger(label: "t"),
                policy: HTTPCachePolicy(mode: .offline))
            #expect(disallowed(try await offline.fetch(origin: Self.origin), "/old"))
            let missing = try await offline.fetch(origin: "http://other.test")
            guard case .allowAll(let reason) = missing.outcome else {
                Issue.record("expected allowAll, got \(missing.outcome)")
                return
            }
            #expect(reason.contains("not in the cache"))
        }
        #expect(fetcher.requests.isEmpty)
    }
}
