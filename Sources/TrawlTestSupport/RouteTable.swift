import Foundation

/// A thread-safe, mutable table of canned responses keyed by request target.
///
/// Use it as a server's handler when the responses are only known after the server has its
/// port (pages that link to themselves by absolute URL, hosts that link to each other).
// @unchecked Sendable: `routes` and `fallback` are only touched while holding `lock`.
public final class RouteTable: @unchecked Sendable {
    private let lock = NSLock()
    private var routes: [String: TestResponse]
    private var fallback: TestResponse

    /// A table with `routes` keyed by path plus query (`"/a?x=1"`), answering `fallback` otherwise.
    public init(_ routes: [String: TestResponse] = [:], fallback: TestResponse = .notFound) {
        self.routes = routes
        self.fallback = fallback
    }

    /// The response for `target`; setting nil removes the route.
    public subscript(target: String) -> TestResponse? {
        get { lock.withLock { routes[target] } }
        set { lock.withLock { routes[target] = newValue } }
    }

    /// Adds or replaces every route in `more`.
    public func merge(_ more: [String: TestResponse]) {
        lock.withLock { routes.merge(more) { _, new in new } }
    }

    /// Every target with a route.
    public var targets: [String] { lock.withLock { Array(routes.keys) } }

    /// The handler: the route for the request's target, or the fallback.
    @Sendable public func respond(_ request: TestRequest) -> TestResponse {
        lock.withLock { routes[request.target] ?? fallback }
    }
}
