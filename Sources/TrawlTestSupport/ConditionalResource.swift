import Synchronization
import TrawlCore

/// One resource that answers conditional requests the way a real origin does, for HTTP-cache
/// tests: a 304 when `If-None-Match` matches its ETag (or, without `If-None-Match`, when
/// `If-Modified-Since` equals its Last-Modified as text, as nginx compares), else the full
/// response. It counts requests, conditional requests and 304s, and its content can be replaced
/// (``update(_:)``) to play a page that changed.
///
/// Use ``respond(_:)`` as a handler, or call it from a handler for one target. Thread-safe: the
/// state is behind a `Mutex`, so the server's connection threads and the test may use it at once.
public final class ConditionalResource: Sendable {
    /// What the resource currently serves.
    public struct Content: Sendable {
        /// The full response (status, headers, body) sent to unconditional or non-matching requests.
        public var response: TestResponse
        /// Compared with `If-None-Match`; sent as `ETag` when set.
        public var etag: String?
        /// Compared with `If-Modified-Since`; sent as `Last-Modified` when set.
        public var lastModified: String?
        /// Header fields a 304 carries besides the validators (`Cache-Control`, `Date`, …).
        public var notModifiedHeaders: HTTPHeaders

        public init(
            _ response: TestResponse, etag: String? = nil, lastModified: String? = nil,
            notModifiedHeaders: HTTPHeaders = []
        ) {
            self.response = response
            self.etag = etag
            self.lastModified = lastModified
            self.notModifiedHeaders = notModifiedHeaders
        }
    }

    private struct State {
        var content: Content
        var requests = 0
        var conditionalRequests = 0
        var notModified = 0
        var lastRequest: TestRequest?
    }

    private let state: Mutex<State>

    public init(_ content: Content) {
        state = Mutex(State(content: content))
    }

    /// Serves `content` from now on (a page that changed on the server).
    public func update(_ content: Content) {
        state.withLock { $0.content = content }
    }

    /// The response to `request`: a 304 with the validators and ``Content/notModifiedHeaders``
    /// when its conditions match, else the full response with its validators.
    @Sendable public func respond(_ request: TestRequest) -> TestResponse {
        state.withLock { state in
            state.requests += 1
            state.lastRequest = request
            let content = state.content
            let ifNoneMatch = request.headers["If-None-Match"]
            let ifModifiedSince = request.headers["If-Modified-Since"]
            if ifNoneMatch != nil || ifModifiedSince != nil { state.conditionalRequests += 1 }
            let matches: Bool
            if let ifNoneMatch {
                let tags = ifNoneMatch.split(separator: ",").map { Self.opaque(String($0)) }
                matches = content.etag.map { tags.contains(Self.opaque($0)) || tags.contains("*") } ?? false
            } else if let ifModifiedSince {
                matches = content.lastModified == ifModifiedSince
            } else {
                matches = false
            }
            var validators: HTTPHeaders = []
            if let etag = content.etag { validators.add(name: "ETag", value: etag) }
            if let lastModified = content.lastModified { validators.add(name: "Last-Modified", value: lastModified) }
            guard matches else {
                var response = content.response
                for field in validators { response.headers.add(name: field.name, value: field.value) }
                return response
            }
            state.notModified += 1
            return TestResponse(status: 304, headers: HTTPHeaders(validators.fields + content.notModifiedHeaders.fields))
        }
    }

    /// Requests received, conditional or not.
    public var requests: Int { state.withLock { $0.requests } }
    /// Requests that carried `If-None-Match` or `If-Modified-Since`.
    public var conditionalRequests: Int { state.withLock { $0.conditionalRequests } }
    /// Requests answered with 304.
    public var notModifiedResponses: Int { state.withLock { $0.notModified } }
    /// The last request received, for checking the conditional headers sent.
    public var lastRequest: TestRequest? { state.withLock { $0.lastRequest } }

    /// The entity tag without the weak prefix and surrounding whitespace (weak comparison).
    private static func opaque(_ tag: String) -> String {
        let trimmed = tag.trimmingWhitespace()
        return trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed
    }
}
