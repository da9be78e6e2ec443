/// A request for one URL; the fetcher sends exactly one request and never follows redirects.
public struct FetchRequest: Sendable, Hashable {
    /// An absolute http or https URL.
    public var url: String
    /// Extra request headers (the User-Agent and Accept-Encoding come from the configuration).
    public var headers: HTTPHeaders

    public init(url: String, headers: HTTPHeaders = []) {
        self.url = url
        self.headers = headers
    }
}

/// Fetches single URLs over the network.
///
/// Implementations must be safe to call from many tasks at once and must never block the
/// caller's thread: a call suspends until the transfer ends. Transport problems come back as
/// ``FetchOutcome/failed(_:)``, never as a thrown error.
public protocol Fetcher: Sendable {
    func fetch(_ request: FetchRequest) async -> FetchOutcome
}
