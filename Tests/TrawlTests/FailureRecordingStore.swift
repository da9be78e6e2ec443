import Synchronization
import TrawlCore

/// A store that passes everything to another one and remembers each failure recorded, so that
/// tests can check the reason and detail a page was recorded with.
final class FailureRecordingStore: CrawlStore {
    private let base: any CrawlStore
    private let recorded = Mutex<[String: FailureReason]>([:])

    init(_ base: any CrawlStore) {
        self.base = base
    }

    /// The last failure recorded for each key.
    var failures: [String: FailureReason] { recorded.withLock { $0 } }

    func cachedResponse(forKey key: String) async throws -> Response? {
        try await base.cachedResponse(forKey: key)
    }

    func store(_ response: Response, key: String) async throws {
        try await base.store(response, key: key)
    }

    func recordFailure(_ reason: FailureReason, key: String, url: String) async throws {
        recorded.withLock { $0[key] = reason }
        try await base.recordFailure(reason, key: key, url: url)
    }

    func flush() async throws { try await base.flush() }

    func close() async throws { try await base.close() }
}
