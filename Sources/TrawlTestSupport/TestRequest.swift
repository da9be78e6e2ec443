import Foundation
import TrawlCore

/// One request as the test server received it.
public struct TestRequest: Sendable, Hashable {
    /// The method, as sent (`GET`, `HEAD`, …).
    public var method: String
    /// The request target exactly as sent: path plus `?` and query, if any.
    public var target: String
    /// The path part of the target (`/a/b.html`); absolute-form targets are reduced to their path.
    public var path: String
    /// The query after `?`, without the `?`; nil when the target has no `?`.
    public var query: String?
    /// The HTTP version from the request line (`HTTP/1.1`).
    public var version: String
    public var headers: HTTPHeaders
    /// The body (read by `Content-Length`; chunked request bodies are not supported).
    public var body: [UInt8]
    /// Which accepted connection carried the request (1 for the first connection, and so on).
    public var connectionID: Int

    public init(
        method: String, target: String, version: String = "HTTP/1.1", headers: HTTPHeaders = [],
        body: [UInt8] = [], connectionID: Int = 0
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.connectionID = connectionID
        var pathAndQuery = Substring(target)
        if let scheme = pathAndQuery.range(of: "://") {
            let afterAuthority = pathAndQuery[scheme.upperBound...]
            pathAndQuery = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" })
                .map { afterAuthority[$0...] } ?? "/"
        }
        if let mark = pathAndQuery.firstIndex(of: "?") {
            path = String(pathAndQuery[..<mark])
            query = String(pathAndQuery[pathAndQuery.index(after: mark)...])
        } else {
            path = String(pathAndQuery)
            query = nil
        }
    }

    /// The `Host` header, if sent.
    public var host: String? { headers["Host"] }

    /// The query's `name=value` pairs, split on `&` and `=` without percent-decoding.
    public var queryItems: [(name: String, value: String)] {
        guard let query else { return [] }
        return query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    /// True when the client asked to close the connection after this exchange
    /// (`Connection: close`, or HTTP/1.0 without `Connection: keep-alive`).
    public var wantsClose: Bool {
        let tokens = headers.values(named: "Connection")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if tokens.contains("close") { return true }
        return version == "HTTP/1.0" && !tokens.contains("keep-alive")
    }
}
