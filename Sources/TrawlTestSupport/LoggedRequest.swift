import Foundation
import TrawlCore

/// One entry of a server's request log.
public struct LoggedRequest: Sendable, Hashable {
    public var method: String
    /// The request target as sent (path and query).
    public var target: String
    /// The `Host` header, if sent.
    public var host: String?
    public var headers: HTTPHeaders
    /// When the request head had been read.
    public var time: Date
    /// Which accepted connection carried it (1-based, in accept order).
    public var connectionID: Int

    public init(_ request: TestRequest, time: Date = Date()) {
        method = request.method
        target = request.target
        host = request.host
        headers = request.headers
        self.time = time
        connectionID = request.connectionID
    }
}
