import Foundation
import TrawlCore

/// One buffered ``JobStore`` write, applied in call order inside its batch's transaction.
///
/// Each carries the job (and run) it was made for, resolved when the call was made, so a batch
/// commits the same way whenever it runs, retries included.
enum JobWrite: Sendable {
    /// Queues `entries` not yet known.
    case enqueue(job: Int64, entries: [FrontierEntry])
    /// One page's outcome, its items and its discovered URLs; `run` is nil outside a run.
    case record(job: Int64, run: Int64?, at: Date, commit: PageCommit)
    /// Replaces the saved state of these hosts.
    case hostStates(job: Int64, states: [HostSnapshot])
    /// Ends a run.
    case endRun(run: Int64, at: Date)
    /// Sets or clears the job's finish time.
    case finished(job: Int64, at: Date?)

    /// The rows the write touches, counted toward the batch limit so memory stays bounded.
    var rows: Int {
        switch self {
        case .enqueue(_, let entries): max(1, entries.count)
        case .record(_, _, _, let commit): 1 + commit.items.count + commit.discovered.count
        case .hostStates(_, let states): max(1, states.count)
        case .endRun, .finished: 1
        }
    }
}
