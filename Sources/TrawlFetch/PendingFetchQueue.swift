import TrawlCore

/// A fetch handed to the loop thread: its request and the continuation that ends it.
struct PendingFetch: Sendable {
    let id: UInt64
    let request: FetchRequest
    let continuation: CheckedContinuation<FetchOutcome, Never>
}

/// Fetches waiting for a transfer slot: first in, first out, and removable by id when cancelled.
///
/// A plain value; ``CurlFetchLoop`` keeps it under its lock.
struct PendingFetchQueue {
    /// Ids in arrival order, from `head` on; ids no longer in `byID` were cancelled and are skipped.
    private var order: [UInt64] = []
    private var head = 0
    private var byID: [UInt64: PendingFetch] = [:]

    /// Fetches waiting.
    var count: Int { byID.count }
    var isEmpty: Bool { byID.isEmpty }

    mutating func append(_ fetch: PendingFetch) {
        order.append(fetch.id)
        byID[fetch.id] = fetch
    }

    /// Removes and returns the fetch with `id`, if it is still waiting.
    mutating func remove(id: UInt64) -> PendingFetch? {
        byID.removeValue(forKey: id)
    }

    /// Removes and returns the oldest waiting fetch.
    mutating func popFirst() -> PendingFetch? {
        while head < order.count {
            let id = order[head]
            head += 1
            if let fetch = byID.removeValue(forKey: id) {
                compact()
                return fetch
            }
        }
        order.removeAll(keepingCapacity: true)
        head = 0
        return nil
    }

    /// Removes every waiting fetch, oldest first.
    mutating func removeAll() -> [PendingFetch] {
        var all: [PendingFetch] = []
        while let fetch = popFirst() { all.append(fetch) }
        return all
    }

    /// Drops consumed ids once they are most of the array, so the array does not grow forever.
    private mutating func compact() {
        if byID.isEmpty {
            order.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024, head * 2 >= order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
