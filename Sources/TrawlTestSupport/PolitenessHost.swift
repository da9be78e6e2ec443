import Foundation

/// One loopback host for politeness tests: every target is a small HTML page titled with its
/// path, unless a fixed route or a scripted sequence says otherwise; robots.txt is a 404 until
/// set.
///
/// Linux routes all of 127.0.0.0/8 to loopback, so hosts on 127.0.0.1, 127.0.0.2, … are
/// different hosts to the crawler (its per-host limits and delays key on the host name).
/// Thread-safe: routes and scripts may be changed while the server runs.
public final class PolitenessHost: Sendable {
    public let server: TestHTTPServer
    /// Fixed responses by target (path plus query); `/robots.txt` starts as a 404.
    public let routes: RouteTable
    private let scripts: LockedBox<[String: ResponseSequence]>

    /// Starts a host on `address`; pages are sent after `pageDelay` seconds.
    public init(_ address: String = "127.0.0.1", pageDelay: Double = 0) throws {
        let routes = RouteTable(["/robots.txt": .notFound])
        let scripts = LockedBox<[String: ResponseSequence]>([:])
        self.routes = routes
        self.scripts = scripts
        server = try TestHTTPServer(host: address) { request in
            if let script = scripts.value[request.target] { return script.next() }
            if let route = routes[request.target] { return route }
            return TestResponse.page(request.path).delayed(by: pageDelay)
        }
    }

    deinit { server.stop() }

    /// Serves `target` from `sequence` (taking precedence over ``routes``).
    public func script(_ target: String, _ sequence: ResponseSequence) {
        scripts.value[target] = sequence
    }

    /// The absolute URL of `target`.
    public func url(_ target: String) -> String { server.url(target) }

    /// The URLs of `/p0` … `/p(count-1)`.
    public func pageURLs(_ count: Int) -> [String] {
        (0..<count).map { server.url("/p\($0)") }
    }

    /// Requests other than for `/robots.txt`, in arrival order.
    public var pageRequests: [LoggedRequest] {
        server.requestLog.filter { $0.target != "/robots.txt" }
    }

    /// Requests for `/robots.txt`, in arrival order.
    public var robotsRequests: [LoggedRequest] {
        server.requestLog.filter { $0.target == "/robots.txt" }
    }

    /// Stops the server (also done by `deinit`).
    public func stop() { server.stop() }
}

extension TestResponse {
    /// An HTML page whose `<h1>` is `title`, linking to each of `links` (root-relative or absolute).
    public static func page(_ title: String, links: [String] = []) -> TestResponse {
        let anchors = links.map { "<a href=\"\($0)\">\($0)</a>" }.joined()
        return html("<html><body><h1>\(title)</h1>\(anchors)</body></html>")
    }
}
