import Foundation

/// Pack ids the reader found damaged, so the writer stores a re-fetched body afresh.
///
/// Without it, a body whose pack is damaged would stay a miss for ever: deduplication would
/// point every later copy of the same bytes at the damaged pack.
final class DamagedPacks: @unchecked Sendable {
    // Safe because `ids` is read and written only while holding `lock`.
    private let lock = NSLock()
    private var ids: Set<Int64> = []

    func insert(_ id: Int64) {
        lock.withLock { _ = ids.insert(id) }
    }

    func contains(_ id: Int64) -> Bool {
        lock.withLock { ids.contains(id) }
    }
}
