import Foundation
import TrawlCore
import TrawlFrontier

/// Where each finished page goes: its items to the output, and — in a durable crawl — the page's
/// state, items and newly queued links to the job store, in one atomic record.
///
/// Exactly-once output rests on two facts: every item is written to the output and recorded in
/// the store with the same sequence number and text, and the store records a page's items in the
/// same transaction that marks the page done. After any interruption the output is repaired to
/// equal the store's items (see ``ItemOutputRepair``) and the pages not marked done run again.
///
/// Without a job store (an embedding program's own store, `trawl extract`) it only writes items.
public actor CrawlJournal {
    private let store: (any JobStore)?
    private let sink: any ItemSink
    private var nextSequence: Int64

    /// - Parameter nextSequence: the sequence number of the next item (one more than the last
    ///   item the job recorded).
    public init(store: (any JobStore)?, sink: any ItemSink, nextSequence: Int64 = 1) {
        self.store = store
        self.sink = sink
        self.nextSequence = nextSequence
    }

    /// Whether page states are recorded (the crawl can resume).
    public nonisolated var isDurable: Bool { store != nil }

    /// Writes `items` and records the page `task` as done (or failed with `failure`), with the
    /// redirect targets it fetched itself and the links the frontier queued from it.
    func pageFinished(
        _ task: CrawlTask, items: [Item], failure: FailureReason?, redirects: [String], queued: [CrawlTask]
    ) async throws {
        guard let store else {
            for item in items { try await sink.write(item) }
            return
        }
        // The output must hold items in sequence order (the repair on resume compares the two),
        // but `sink.write` suspends and this actor is reentrant: one page at a time here, its
        // record included, so the store also receives the items in sequence order.
        await lockOutput()
        defer { unlockOutput() }
        var recorded: [RecordedItem] = []
        recorded.reserveCapacity(items.count)
        for item in items {
            // Encoded once: the output and the job record hold the same text.
            let line = sink.written(item).jsonLine
            recorded.append(RecordedItem(sequence: nextSequence, url: item.url, line: line))
            nextSequence += 1
            try await sink.write(item, jsonLine: line)
        }
        let discovered = queued.map { Self.entry($0, parent: task.url) }
        if task.kind == .robots {
            if !discovered.isEmpty { try await store.enqueue(discovered) }
            return
        }
        try await store.record(
            PageCommit(
                url: task.url, state: failure == nil ? .done : .failed, reason: failure, attempts: task.attempt + 1,
                items: recorded, discovered: discovered, redirects: redirects))
    }

    /// Records a transient failure the frontier will retry: the URL stays queued with its attempts.
    func retrying(_ task: CrawlTask) async throws {
        guard let store, task.kind == .page else { return }
        try await store.record(PageCommit(url: task.url, state: .queued, attempts: task.attempt + 1))
    }

    /// Records a page the frontier failed or blocked on its own.
    func record(_ record: FrontierRecord) async throws {
        guard let store, record.task.kind == .page else { return }
        try await store.record(
            PageCommit(url: record.task.url, state: .failed, reason: record.reason, attempts: record.attempts))
    }

    /// Records tasks queued outside a page's completion (seeds, redirect targets behind their
    /// robots.txt).
    func enqueue(_ tasks: [CrawlTask], parent: String?) async throws {
        guard let store, !tasks.isEmpty else { return }
        try await store.enqueue(tasks.filter { $0.kind == .page }.map { Self.entry($0, parent: parent) })
    }

    private var outputBusy = false
    private var outputWaiters: [CheckedContinuation<Void, Never>] = []

    /// Waits, in arrival order, until no other page is writing its items.
    private func lockOutput() async {
        guard outputBusy else {
            outputBusy = true
            return
        }
        await withCheckedContinuation { outputWaiters.append($0) }
    }

    private func unlockOutput() {
        if outputWaiters.isEmpty {
            outputBusy = false
        } else {
            outputWaiters.removeFirst().resume()
        }
    }

    static func entry(_ task: CrawlTask, parent: String?) -> FrontierEntry {
        FrontierEntry(
            url: task.url, hostKey: task.hostKey, depth: task.depth, attempts: task.attempt, parent: parent,
            carried: task.carried, position: task.position)
    }
}
