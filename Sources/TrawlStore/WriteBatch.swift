import Foundation
import TrawlCore

/// A failure waiting to be written: the last reason, and how many times it was recorded.
struct PendingFailure: Sendable {
    var url: String
    var reason: FailureReason
    var failedAt: Date
    var attempts: Int
}

/// Writes collected in memory and committed together in one transaction.
///
/// A key stored twice keeps the last response; a failure recorded twice keeps the last reason
/// and counts both attempts.
struct WriteBatch: Sendable {
    /// Increases with every batch a store creates; a flush waits for its batch's id.
    var id: Int
    private(set) var responses: [String: Response] = [:]
    /// Keys of `responses` in the order first stored: packs keep crawl order, so a warm crawl
    /// reads packs in sequence.
    private(set) var responseOrder: [String] = []
    /// Keys of `responses` stored by a 304 revalidation (the body kept, headers freshened).
    private(set) var revalidated: Set<String> = []
    private(set) var failures: [String: PendingFailure] = [:]
    /// The summed size of the response bodies held, for the memory bound.
    private(set) var bodyBytes = 0
    /// Job writes (``JobStore``) in call order, written after the responses and failures.
    private(set) var jobWrites: [JobWrite] = []
    /// The rows `jobWrites` will write, counted toward the batch limit.
    private(set) var jobRows = 0

    init(id: Int) {
        self.id = id
    }

    /// The number of rows the batch will write.
    var count: Int { responses.count + failures.count + jobRows }
    var isEmpty: Bool { responses.isEmpty && failures.isEmpty && jobWrites.isEmpty }

    /// Holds `response` for `key`; `revalidated` when a 304 freshened it.
    mutating func store(_ response: Response, forKey key: String, revalidated: Bool = false) {
        if revalidated { self.revalidated.insert(key) } else { self.revalidated.remove(key) }
        if let old = responses.updateValue(response, forKey: key) {
            bodyBytes -= old.body.count
        } else {
            responseOrder.append(key)
        }
        bodyBytes += response.body.count
    }

    mutating func recordFailure(_ reason: FailureReason, key: String, url: String, at date: Date) {
        let attempts = (failures[key]?.attempts ?? 0) + 1
        failures[key] = PendingFailure(url: url, reason: reason, failedAt: date, attempts: attempts)
    }

    mutating func add(_ write: JobWrite) {
        jobWrites.append(write)
        jobRows += write.rows
    }

    /// Adds the writes of a later batch, which win on shared keys; used to keep a failed commit's
    /// writes for the next try. The merged batch takes the later id.
    mutating func absorb(_ later: WriteBatch) {
        for key in later.responseOrder {
            if let response = later.responses[key] {
                store(response, forKey: key, revalidated: later.revalidated.contains(key))
            }
        }
        for (key, failure) in later.failures {
            var merged = failure
            merged.attempts += failures[key]?.attempts ?? 0
            failures[key] = merged
        }
        for write in later.jobWrites { add(write) }
        id = later.id
    }
}
