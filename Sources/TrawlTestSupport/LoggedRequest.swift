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
    /// Requests the server was handling once this one arrived, this one included: the gauge a
    /// test reads to see how many requests a client had in flight at each moment.
    public var inFlight: Int

    public init(_ request: TestRequest, time: Date = Date(), inFlight: Int = 1) {
        method = request.method
        target = request.target
        host = request.host
        headers = request.headers
        self.time = time
        connectionID = request.connectionID
        self.inFlight = inFlight
    }
}
