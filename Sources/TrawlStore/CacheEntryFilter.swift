import Foundation

/// Which cache entries a listing or removal selects; every condition set must hold.
///
/// Conditions SQL can check on indexed metadata only. Matching URLs by regular expression is
/// left to the caller, which sees each entry's key.
public struct CacheEntryFilter: Sendable, Hashable {
    /// Only this host (compared lowercased, without port).
    public var host: String?
    /// Only this HTTP status.
    public var status: Int?
    /// Only entries fetched strictly before this moment.
    public var fetchedBefore: Date?

    public init(host: String? = nil, status: Int? = nil, fetchedBefore: Date? = nil) {
        self.host = host
        self.status = status
        self.fetchedBefore = fetchedBefore
    }
}
