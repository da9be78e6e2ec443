import HeapModule

extension FrontierState {
    /// Appends a page to its host's queue and makes the host ready if it can go.
    mutating func enqueue(_ task: CrawlTask, now: Duration) {
        hosts[task.hostKey, default: newHost].accepted += 1
        queuedCount += 1
        if shouldSpill(task) {
            // The job store holds it (the journal records every queued URL): read back later.
            hosts[task.hostKey]?.spilled += 1
            return
        }
        hosts[task.hostKey]?.queue.append(task)
        if let cursor = hosts[task.hostKey]?.cursor, task.position > cursor { hosts[task.hostKey]?.cursor = task.position }
        reconsider(task.hostKey, now: now)
    }

    /// Whether a new page stays in the store: its host's window is full, or pages queued before
    /// it already wait there (FIFO). A page positioned before the spilled ones (one that waited
    /// for robots.txt) stays in memory, since a read-back starts after the cursor.
    private func shouldSpill(_ task: CrawlTask) -> Bool {
        guard let window = limits.queueWindow, task.attempt == 0, let host = hosts[task.hostKey] else { return false }
        guard host.spilled > 0 || host.queue.count >= window else { return false }
        return task.position > host.cursor
    }

    /// Puts a host where it belongs: in the ready ring when it can start a request now, parked
    /// until its delay or backoff runs out, or idle (nothing queued, or no free slot).
    mutating func reconsider(_ key: String, now: Duration) {
        guard var host = hosts[key] else { return }
        if host.slot == .ready { return }
        guard !host.queue.isEmpty, host.inFlight < concurrency(of: host) else {
            if host.slot != .idle {
                host.slot = .idle
                hosts[key] = host
            }
            return
        }
        let readyAt = host.readyAt
        if readyAt > now {
            if host.slot == .parked(readyAt) { return }
            host.slot = .parked(readyAt)
            hosts[key] = host
            parked.insert(ParkedHost(time: readyAt, host: key))
            return
        }
        host.slot = .ready
        hosts[key] = host
        ready.append(key)
    }

    /// Moves every parked host whose time has come into the ready ring.
    mutating func promoteParkedHosts(now: Duration) {
        while let first = parked.min, first.time <= now {
            _ = parked.popMin()
            guard hosts[first.host]?.slot == .parked(first.time) else { continue }
            hosts[first.host]?.slot = .idle
            reconsider(first.host, now: now)
        }
    }

    /// The earliest time a parked host becomes ready, skipping stale heap entries.
    mutating func earliestParkedTime() -> Duration? {
        while let first = parked.min {
            if hosts[first.host]?.slot == .parked(first.time) { return first.time }
            _ = parked.popMin()
        }
        return nil
    }

    /// Reserves the moment a request to `hostKey` may go on the wire, and returns it (`now` or
    /// later): never sooner than the host's delay after the previous one.
    ///
    /// Hand-outs are already spaced by the delay, but a task reaches the network some time after
    /// it is handed out (a cache lookup queued behind a commit, a busy core), and a late request
    /// followed by a prompt one would reach the server closer together than the delay. Called
    /// right before each network request, this keeps the spacing on the server's clock.
    public mutating func reserveSend(to hostKey: String, now: Duration) -> Duration {
        var host = hosts[hostKey, default: newHost]
        let at = host.lastSend.map { max(now, $0 + .seconds(delay(of: host))) } ?? now
        host.lastSend = at
        hosts[hostKey] = host
        return at
    }

    /// Requests the host may have in flight now.
    func concurrency(of host: HostState) -> Int {
        policy.adaptive ? host.throttle.concurrency : limits.perHost
    }

    /// Seconds between request starts for the host now: the largest of `--delay`, its
    /// robots.txt Crawl-delay and the adaptive throttle's extra delay.
    func delay(of host: HostState) -> Double {
        max(policy.delay, host.crawlDelay, policy.adaptive ? host.throttle.extraDelay : 0)
    }

    /// Feeds a finished request's signal to its host's throttle.
    mutating func feed(_ signal: HostThrottle.Signal?, from task: CrawlTask) {
        guard policy.adaptive, let signal else { return }
        let maximum = limits.perHost
        let settings = policy.throttle
        let last = lastSequenceHandedOut
        hosts[task.hostKey, default: newHost].throttle.record(
            signal, sequence: task.sequence, lastSequence: last, maxConcurrency: maximum, settings: settings)
    }
}
