/// A deterministic three-host site for engine and end-to-end crawl tests, with the exact
/// requests and items a correct crawl produces.
///
/// - Host A (`127.0.0.1`) holds the home page, every form of link (absolute, root-relative,
///   `./` and `../`, query-only, `&amp;`, fragments, whitespace, upper-case scheme and tags,
///   unquoted attributes, scheme-relative, `<base href>`, `link rel=next|prev|alternate`,
///   `iframe`, `area`), a redirect chain to B (`/old` → `/older` → B `/landing.html`), a loop
///   (`/loop/a` ↔ `/loop/b`), a redirect to ftp, a redirect to C, a 404, a catalog and a listing.
/// - Host B (`127.0.0.2`) holds a blog and a redirect (`/moved`) to a page also linked directly.
/// - Host C (`127.0.0.3`) is out of scope: linked and redirected to, never to be requested.
///   So are `http://localhost:PORT_A/…` links (same server, other host name) and pages linked
///   only from error bodies, redirect bodies, `img`, `script` and `link rel=stylesheet`.
///
/// Crawl it seeded at ``homeURL`` with ``allowedHost`` allowed, e.g.
/// `trawl crawl HOME --allow-host 127.0.0.2 --extract 'title=//h1'
/// --extract 'description=//meta[@name="description"]/@content'`,
/// then compare ``requestedURLs`` with ``expectedRequests`` and the items with ``expectedItems``.
public final class FixtureSite: Sendable {
    /// In scope: the seed's host.
    public let hostA: TestHTTPServer
    /// In scope through ``allowedHost``.
    public let hostB: TestHTTPServer
    /// Out of scope: must never be contacted.
    public let hostC: TestHTTPServer
    /// The host to pass as `--allow-host`: `127.0.0.2`.
    public let allowedHost = "127.0.0.2"

    /// Every URL (`http://host:port/target`) the crawl must request, each exactly once:
    /// the 200 pages, every redirect hop, the 404 and the loop's two hops.
    public let expectedRequests: Set<String>
    /// The status each of ``expectedRequests`` is served with.
    public let expectedStatuses: [String: Int]
    /// One entry per 200 HTML page, keyed by its final URL: the `<h1>` text and the meta
    /// description, entities decoded.
    public let expectedItems: [String: (title: String, description: String)]

    /// Starts the three hosts on ephemeral ports and computes the expectations.
    public init() throws {
        let tables = (RouteTable(), RouteTable(), RouteTable())
        hostA = try TestHTTPServer(host: "127.0.0.1", handler: tables.0.respond)
        hostB = try TestHTTPServer(host: "127.0.0.2", handler: tables.1.respond)
        // Host C answers everything with a page, so a wrongly followed link shows up as a
        // request here rather than as a failure somewhere else.
        hostC = try TestHTTPServer(
            host: "127.0.0.3",
            handler: RouteTable(fallback: .html("<html><body><h1>Out of scope</h1></body></html>")).respond)
        let content = FixtureContent(a: hostA, b: hostB, c: hostC)
        tables.0.merge(content.routes(for: hostA.baseURL))
        tables.1.merge(content.routes(for: hostB.baseURL))
        let expectations = FixtureExpectations(
            content: content, seed: hostA.url("/"), scopeHosts: [hostA.host, hostB.host])
        expectedRequests = expectations.requests
        expectedStatuses = expectations.statuses
        expectedItems = expectations.items
    }

    deinit { stop() }

    /// Stops all three hosts.
    public func stop() {
        hostA.stop()
        hostB.stop()
        hostC.stop()
    }

    /// The seed: host A's home page, `http://127.0.0.1:PORT/`.
    public var homeURL: String { hostA.url("/") }

    /// Requests that reached host C (must stay 0).
    public var forbiddenHostRequests: Int { hostC.requestCount }

    /// Every request the three hosts received, in per-host arrival order, as
    /// `http://` + `Host` header + target (so a request to host A under another host name
    /// shows up under that name). Duplicates are kept, to catch double fetches.
    public var requestedURLs: [String] {
        [hostA, hostB, hostC].flatMap { server in
            server.requestLog.map { "http://\($0.host ?? "\(server.host):\(server.port)")\($0.target)" }
        }
    }

    /// ``requestedURLs`` without the robots.txt requests: the pages the crawl asked for.
    public var requestedPages: [String] {
        requestedURLs.filter { !$0.hasSuffix("/robots.txt") }
    }

    /// The robots.txt requests each host received, keyed by `host:port`.
    public var robotsRequests: [String: Int] {
        var counts: [String: Int] = [:]
        for server in [hostA, hostB, hostC] {
            let count = server.requestCount(for: "/robots.txt")
            if count > 0 { counts["\(server.host):\(server.port)"] = count }
        }
        return counts
    }

    /// Clears the request logs of all three hosts.
    public func resetLogs() {
        hostA.resetLog()
        hostB.resetLog()
        hostC.resetLog()
    }
}
