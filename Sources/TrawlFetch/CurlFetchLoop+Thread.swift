import CTrawlCurl
import Foundation
import Logging
import TrawlCore

extension CurlFetchLoop {
    /// The loop thread's body: take work, drive libcurl, finish transfers, wait; until shut down.
    func run() {
        logger.debug("fetch loop started")
        while true {
            let capacity = configuration.maxConcurrentTransfers - running.count
            let (starts, cancellations, stop) = lock.withLock { () -> ([PendingFetch], [UInt64], Bool) in
                shared.wakeUpRequested = false
                if shared.isShutDown { return ([], [], true) }
                var starts: [PendingFetch] = []
                while starts.count < capacity, let fetch = shared.pending.popFirst() { starts.append(fetch) }
                defer { shared.cancellations.removeAll() }
                return (starts, shared.cancellations, false)
            }
            if stop { break }
            for id in cancellations { cancelRunning(id: id) }
            for fetch in starts { begin(fetch) }
            do {
                try multi.perform()
                // A finished transfer frees a slot: start waiting fetches before sleeping.
                if finishCompleted() > 0 { continue }
                try multi.poll(timeoutMilliseconds: 1000)
            } catch {
                logger.debug("fetch loop error", metadata: ["trawl.error": "\(error)"])
                failAllRunning(FailureReason(.network, error.description))
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        failAllRunning(.shutDown)
        spareHandles.removeAll()
        logger.debug("fetch loop stopped")
    }

    /// Prepares a handle for `fetch` and adds it to the multi handle, or ends the fetch on failure.
    private func begin(_ fetch: PendingFetch) {
        guard let easy = spareHandles.popLast() ?? CurlEasyHandle() else {
            fetch.continuation.resume(returning: .failed(FailureReason(.network, "curl_easy_init failed")))
            return
        }
        do {
            try easy.prepare(for: fetch.request, configuration: configuration)
            try multi.add(easy)
        } catch {
            recycle(easy)
            let reason: FailureReason =
                if case .easy(let code) = error.code {
                    .curl(code, message: error.description)
                } else {
                    FailureReason(.network, error.description)
                }
            logger.debug("fetch not started", metadata: ["trawl.url": "\(fetch.request.url)", "trawl.error": "\(reason)"])
            fetch.continuation.resume(returning: .failed(reason))
            return
        }
        running[easy.raw] = RunningTransfer(fetch: fetch, easy: easy)
        runningByID[fetch.id] = easy.raw
        logger.trace("fetch started", metadata: ["trawl.url": "\(fetch.request.url)"])
    }

    /// Ends every transfer libcurl reports done; returns how many.
    private func finishCompleted() -> Int {
        let completed = multi.completedTransfers()
        for (raw, result) in completed {
            guard let transfer = running.removeValue(forKey: raw) else { continue }
            runningByID[transfer.fetch.id] = nil
            multi.remove(transfer.easy)
            let outcome = transfer.easy.outcome(result: result, request: transfer.fetch.request)
            recycle(transfer.easy)
            log(outcome, for: transfer.fetch.request)
            transfer.fetch.continuation.resume(returning: outcome)
        }
        return completed.count
    }

    /// Stops the running transfer `id`, if it is still running, and ends it as cancelled.
    private func cancelRunning(id: UInt64) {
        guard let raw = runningByID.removeValue(forKey: id),
            let transfer = running.removeValue(forKey: raw)
        else { return }
        multi.remove(transfer.easy)
        recycle(transfer.easy)
        logger.debug("fetch cancelled", metadata: ["trawl.url": "\(transfer.fetch.request.url)"])
        transfer.fetch.continuation.resume(returning: .failed(.cancelled))
    }

    /// Stops every running transfer and ends each with `reason`.
    private func failAllRunning(_ reason: FailureReason) {
        let transfers = running.values
        running.removeAll()
        runningByID.removeAll()
        for transfer in transfers {
            multi.remove(transfer.easy)
            recycle(transfer.easy)
            transfer.fetch.continuation.resume(returning: .failed(reason))
        }
    }

    /// Keeps a finished handle for reuse, up to one per transfer slot; frees it otherwise.
    private func recycle(_ easy: CurlEasyHandle) {
        easy.releaseRequestState()
        if spareHandles.count < configuration.maxConcurrentTransfers { spareHandles.append(easy) }
    }

    private func log(_ outcome: FetchOutcome, for request: FetchRequest) {
        switch outcome {
        case .response(let response):
            logger.debug(
                "fetched", metadata: ["trawl.url": "\(request.url)", "trawl.status": "\(response.status)"])
        case .failed(let reason):
            logger.debug("fetch failed", metadata: ["trawl.url": "\(request.url)", "trawl.error": "\(reason)"])
        }
    }
}
