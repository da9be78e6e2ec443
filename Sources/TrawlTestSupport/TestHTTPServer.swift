/// A real HTTP/1.1 server inside the test process, listening on a loopback address.
///
/// Built on blocking BSD sockets with plain threads: one accept thread and one thread per
/// connection, which suits the small, bounded loads of tests. Connections are kept alive
/// across requests unless the client sends `Connection: close` or a response asks to close.
///
/// Linux routes all of 127.0.0.0/8 to loopback, so servers on 127.0.0.1, 127.0.0.2 and
/// 127.0.0.3 act as three different hosts.
///
/// Threading: every method and property may be used from any thread or task. The handler is
/// called on connection threads, possibly several at once, and may block (to simulate a slow
/// server) but must not call ``stop()``.
public final class TestHTTPServer: Sendable {
    /// The address the server listens on (`127.0.0.1`).
    public let host: String
    /// The ephemeral port the system assigned.
    public let port: Int
    private let core: ServerCore

    /// Binds `host` on an ephemeral port, starts listening and starts serving with `handler`.
    ///
    /// - Throws: ``TestServerError`` when the address is invalid or cannot be bound.
    public convenience init(
        host: String = "127.0.0.1", handler: @escaping @Sendable (TestRequest) -> TestResponse
    ) throws {
        try self.init(host: host, port: 0, handler: handler)
    }

    /// Binds `host:port` exactly (port 0 for an ephemeral one), for the demo server.
    public init(
        host: String, port: Int, handler: @escaping @Sendable (TestRequest) -> TestResponse
    ) throws {
        let (fd, actualPort) = try Socket.listen(host: host, port: port)
        self.host = host
        self.port = actualPort
        core = ServerCore(listenFD: fd, handler: handler)
        core.start()
    }

    /// Serves a fixed table keyed by request target (path plus query, `"/a?x=1"`); any other
    /// target gets `fallback`.
    public convenience init(
        host: String = "127.0.0.1", routes: [String: TestResponse],
        fallback: TestResponse = .notFound
    ) throws {
        let table = RouteTable(routes, fallback: fallback)
        try self.init(host: host, handler: table.respond)
    }

    deinit {
        core.stop()
    }

    /// `http://HOST:PORT`, without a trailing slash.
    public var baseURL: String { "http://\(host):\(port)" }

    /// The absolute URL of `target` on this server (`target` starts with `/`).
    public func url(_ target: String) -> String { baseURL + target }

    /// Closes the listener and every connection, and waits (up to 5 s) for the server's
    /// threads to finish. Idempotent; also called by `deinit`.
    public func stop() {
        core.stop()
    }

    // MARK: Observability

    /// Every request received since start or the last ``resetLog()``, in arrival order.
    public var requestLog: [LoggedRequest] { core.requestLog }

    /// The number of entries in ``requestLog``.
    public var requestCount: Int { core.requestCount }

    /// Connections accepted since start or the last ``resetLog()``.
    public var connectionsAccepted: Int { core.connectionsAccepted }

    /// Requests being handled right now (from the end of their head to the end of the response).
    public var inFlight: Int { core.inFlight }

    /// The most requests ever handled at once since start or the last ``resetLog()``.
    public var maxInFlight: Int { core.maxInFlight }

    /// Clears the log and the connection count, and resets ``maxInFlight`` to ``inFlight``.
    public func resetLog() {
        core.resetLog()
    }

    /// How many logged requests had `target`.
    public func requestCount(for target: String) -> Int {
        requestLog.filter { $0.target == target }.count
    }
}
