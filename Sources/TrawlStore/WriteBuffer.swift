import TrawlCore

/// The pending writes of a store as a state machine: one batch filling, at most one committing.
///
/// Events in, actions out; no I/O. The store runs it under its lock, starts the commits it
/// returns and resumes the waiters it hands back. `Waiter` is whatever the store parks
/// (a continuation); it is generic so the machine can be tested without one.
///
/// The bound: at most two batches live at once, so memory stays near `2 × limits.bodyBytes`.
/// A writer that finds the filling batch full while another commits must wait.
struct WriteBuffer<Waiter> {
    /// When a filling batch is full and goes to commit.
    struct Limits: Sendable {
        /// Rows per transaction.
        var count: Int
        /// Body bytes per batch: without it, a batch of large bodies could exceed the RSS budget.
        var bodyBytes: Int
    }

    /// What a writer does next.
    enum AddAction {
        /// The write is buffered; commit the batch if one is given.
        case added(commit: WriteBatch?)
        /// The write was not made and the waiter was parked until a commit ends (commit the batch
        /// if one is given); then try again.
        case parked(commit: WriteBatch?)
        /// The store is closed.
        case closed
    }

    /// What a flush does next.
    enum FlushAction {
        /// Everything up to the target is committed.
        case done
        /// The waiter was parked until the running commit ends; then ask again.
        case wait
        /// Commit this batch; the waiter was parked until it ends.
        case commit(WriteBatch)
    }

    let limits: Limits
    private(set) var filling = WriteBatch(id: 1)
    private(set) var committing: WriteBatch?
    /// The id of the last batch committed successfully.
    private(set) var committedThrough = 0
    private(set) var isClosed = false
    private var waiters: [Waiter] = []
    private var lastID = 1

    init(limits: Limits) {
        self.limits = limits
    }

    private func isFull(_ batch: WriteBatch) -> Bool {
        batch.count >= limits.count || batch.bodyBytes >= limits.bodyBytes
    }

    private mutating func rotate() -> WriteBatch {
        let batch = filling
        committing = batch
        lastID += 1
        filling = WriteBatch(id: lastID)
        return batch
    }

    /// The freshest response for `key` not yet committed, if any.
    func pendingResponse(forKey key: String) -> Response? {
        filling.responses[key] ?? committing?.responses[key]
    }

    /// Applies `write` to the filling batch, or parks `waiter` when that would exceed the bound.
    ///
    /// A filling batch is full with no commit running only after a failed commit put its writes
    /// back: then the writer retries that commit and waits for it rather than growing the batch,
    /// so a full disk cannot make memory grow without limit.
    mutating func add(_ write: (inout WriteBatch) -> Void, waiter: Waiter) -> AddAction {
        if isClosed { return .closed }
        if isFull(filling) {
            waiters.append(waiter)
            return .parked(commit: committing == nil ? rotate() : nil)
        }
        write(&filling)
        return .added(commit: committing == nil && isFull(filling) ? rotate() : nil)
    }

    /// The id a flush started now must see committed.
    var flushTarget: Int { filling.id }

    /// The next step of a flush that must see batch `target` committed.
    mutating func flush(through target: Int, waiter: Waiter) -> FlushAction {
        if committedThrough >= target { return .done }
        if committing != nil {
            waiters.append(waiter)
            return .wait
        }
        // No commit runs, so anything up to the target that is not committed sits in `filling`.
        if filling.isEmpty { return .done }
        waiters.append(waiter)
        return .commit(rotate())
    }

    /// The running commit succeeded. Returns the waiters to wake, and the next batch to commit
    /// when the filling one is already full.
    mutating func commitSucceeded() -> (waiters: [Waiter], next: WriteBatch?) {
        if let committing { committedThrough = committing.id }
        committing = nil
        let woken = waiters
        waiters = []
        return (woken, isFull(filling) ? rotate() : nil)
    }

    /// The running commit failed. Its writes go back in front of the filling batch (later
    /// writes win) so that a later flush retries them; returns the waiters to wake with the error.
    mutating func commitFailed() -> [Waiter] {
        if var failed = committing {
            failed.absorb(filling)
            filling = failed
        }
        committing = nil
        let woken = waiters
        waiters = []
        return woken
    }

    /// Refuses further writes. Returns the flush target that makes earlier writes durable,
    /// or nil when already closed.
    mutating func close() -> Int? {
        guard !isClosed else { return nil }
        isClosed = true
        return flushTarget
    }
}
