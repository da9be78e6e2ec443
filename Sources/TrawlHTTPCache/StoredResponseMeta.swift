import Foundation
import TrawlCore

/// What the cache policy needs to know about one stored response: everything but the body.
///
/// A plain value; `Sendable`. The times are the crawler's clock, not the server's.
public struct StoredResponseMeta: Sendable, Hashable {
    /// The stored status code (200, 301, 404, ...).
    public var status: Int
    /// The stored response header fields, as received (or as freshened by a 304).
    public var responseHeaders: HTTPHeaders
    /// The header fields of the request that produced the response, compared with the new
    /// request's for every field the response's `Vary` names.
    public var requestHeaders: HTTPHeaders
    /// When the request that produced (or last validated) the response was sent.
    public var requestTime: Date
    /// When that response was received; the start of the time it has been resident in the cache.
    public var responseTime: Date

    public init(
        status: Int, responseHeaders: HTTPHeaders, requestHeaders: HTTPHeaders = [],
        requestTime: Date, responseTime: Date
    ) {
        self.status = status
        self.responseHeaders = responseHeaders
        self.requestHeaders = requestHeaders
        self.requestTime = requestTime
        self.responseTime = responseTime
    }

    /// The metadata of a received (or stored) `Response`: sent `elapsed` seconds before it was
    /// received at `fetchedAt`.
    ///
    /// Cache entries written before HTTP caching have no request headers; passing the new
    /// request's headers for them makes `Vary` match, which is what Trawl did before.
    public init(response: Response, requestHeaders: HTTPHeaders = []) {
        self.init(
            status: response.status, responseHeaders: response.headers, requestHeaders: requestHeaders,
            requestTime: response.fetchedAt.addingTimeInterval(-max(0, response.elapsed)),
            responseTime: response.fetchedAt)
    }
}
