import Foundation

/// The job and run a writing ``SQLiteCrawlStore`` makes its ``JobStore`` writes for.
///
/// Buffered writes carry the job id they were made for, resolved when the call is made, so a
/// write with no job to go to is refused at once rather than failing its whole batch later.
/// The store is the cache's only writer (its lock sees to that), so once loaded the ids stay
/// exact: only the store's own `startJob` and `startRun` change them.
///
/// Threading: any thread; every access holds `lock`.
final class JobContext: @unchecked Sendable {
    // Safe because every stored property is read and written only while holding `lock`.
    private let lock = NSLock()
    private var isLoaded = false
    private var job: Int64?
    private var run: Int64?

    /// The current job and run, or nil before ``load(job:)`` or ``start(job:)``.
    var current: (job: Int64?, run: Int64?)? {
        lock.withLock { isLoaded ? (job, run) : nil }
    }

    /// Adopts the job read from the cache, unless a job was started meanwhile.
    func load(job loaded: Int64?) {
        lock.withLock {
            guard !isLoaded else { return }
            job = loaded
            isLoaded = true
        }
    }

    /// A new job replaced the earlier one; no run is open.
    func start(job started: Int64) {
        lock.withLock {
            job = started
            run = nil
            isLoaded = true
        }
    }

    func startRun(_ started: Int64) {
        lock.withLock { run = started }
    }

    /// Pages recorded from now on count toward no run, unless a later run is already open.
    func endRun(_ ended: Int64) {
        lock.withLock {
            if run == ended { run = nil }
        }
    }
}
