import CTrawlCurl
import Foundation
import Logging
import TrawlCore

/// The bridge between async callers and the thread that drives libcurl's multi interface.
///
/// Callers ``submit(_:)``, ``cancel(id:)`` and ``shutDown()`` from any thread; those touch only
/// ``Shared`` under `lock`, then wake the loop with `curl_multi_wakeup`. The loop thread
/// (see `CurlFetchLoop+Thread.swift`) takes work out under the same lock and alone touches the
/// multi handle, the easy handles and the running transfers. Continuations are resumed outside
/// the lock.
///
/// `@unchecked Sendable`: `shared` is only read or written while holding `lock`; `multi`,
/// `running`, `runningByID` and `spareHandles` are only touched by the loop thread started in
/// ``start()``, except `multi.wakeUp()`, which libcurl allows from any thread. The multi handle
/// lives as long as this object, so a late wake-up never reaches a freed handle.
final class CurlFetchLoop: @unchecked Sendable {
    /// What callers and the loop thread share; guarded by `lock`.
    struct Shared {
        var pending = PendingFetchQueue()
        /// Ids of running transfers to cancel; unknown ids (already finished) are ignored.
        var cancellations: [UInt64] = []
        var isShutDown = false
        /// True between a wake-up and the loop taking work out, so wake-ups coalesce.
        var wakeUpRequested = false
        var lastID: UInt64 = 0
    }

    /// A transfer the multi handle is running; loop thread only.
    struct RunningTransfer {
        let fetch: PendingFetch
        let easy: CurlEasyHandle
    }

    let configuration: FetchConfiguration
    let logger: Logger
    let lock = NSLock()
    var shared = Shared()

    // Loop thread only.
    let multi: CurlMultiHandle
    var running: [UnsafeMutableRawPointer: RunningTransfer] = [:]
    var runningByID: [UInt64: UnsafeMutableRawPointer] = [:]
    var spareHandles: [CurlEasyHandle] = []

    init(configuration: FetchConfiguration, logger: Logger) throws(CurlError) {
        var configuration = configuration
        configuration.maxConcurrentTransfers = max(1, configuration.maxConcurrentTransfers)
        configuration.maxBodyBytes = max(0, configuration.maxBodyBytes)
        self.configuration = configuration
        self.logger = logger
        multi = try CurlMultiHandle(maxConnections: max(64, 2 * configuration.maxConcurrentTransfers))
    }

    /// Starts the loop thread; call once.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "trawl.fetch"
        thread.start()
    }

    /// A new fetch id, unique for this loop.
    func makeID() -> UInt64 {
        lock.withLock {
            shared.lastID &+= 1
            return shared.lastID
        }
    }

    /// Queues `fetch`, or ends it at once if the task is already cancelled or the loop shut down.
    ///
    /// Checking `Task.isCancelled` under the lock closes the race with ``cancel(id:)``: a
    /// cancellation either comes after the fetch is queued (and finds it) or is seen here.
    func submit(_ fetch: PendingFetch) {
        enum Decision { case queued(wakeUp: Bool), refused(FailureReason) }
        let decision: Decision = lock.withLock {
            if shared.isShutDown { return .refused(.shutDown) }
            if Task.isCancelled { return .refused(.cancelled) }
            shared.pending.append(fetch)
            return .queued(wakeUp: requestWakeUp())
        }
        switch decision {
        case .refused(let reason): fetch.continuation.resume(returning: .failed(reason))
        case .queued(let wakeUp): if wakeUp { multi.wakeUp() }
        }
    }

    /// Cancels the fetch `id`: a waiting one ends here, a running one is stopped by the loop thread.
    func cancel(id: UInt64) {
        let (waiting, wakeUp): (PendingFetch?, Bool) = lock.withLock {
            if let fetch = shared.pending.remove(id: id) { return (fetch, false) }
            if shared.isShutDown { return (nil, false) }
            shared.cancellations.append(id)
            return (nil, requestWakeUp())
        }
        waiting?.continuation.resume(returning: .failed(.cancelled))
        if wakeUp { multi.wakeUp() }
    }

    /// Stops the loop: waiting fetches end here, running ones on the loop thread. Idempotent.
    func shutDown() {
        let waiting: [PendingFetch]? = lock.withLock {
            if shared.isShutDown { return nil }
            shared.isShutDown = true
            return shared.pending.removeAll()
        }
        guard let waiting else { return }
        for fetch in waiting { fetch.continuation.resume(returning: .failed(.shutDown)) }
        multi.wakeUp()
    }

    /// Marks a wake-up as requested; true if the caller must send it. Call under `lock`.
    private func requestWakeUp() -> Bool {
        if shared.wakeUpRequested { return false }
        shared.wakeUpRequested = true
        return true
    }
}
