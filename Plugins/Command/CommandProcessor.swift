import Logging
import Synchronization
import TrawlCore

/// Hands each page to a long-lived child process, in any language, over JSON lines.
///
/// The child reads one JSON object per line on stdin, one per page (see ``CommandRequest``),
/// and writes one per line on stdout for each, `{"id":…,"items":[…],"links":[…]}` (see
/// ``CommandAnswer``). Several pages may be in flight to one child; answers are matched by `id`
/// and may come in any order. With several workers, each page goes to the child with the fewest
/// pages in flight. Every page the engine processes is sent; the child decides what concerns it.
///
/// Failures stay with their page: no answer within the timeout, a malformed answer, or an
/// `"error"` answer fails that page alone (a late answer is discarded). A child that exits is
/// restarted after a growing backoff, and the pages it took with it are sent once more; past
/// the restart limit its pages fail with the last lines of its stderr. Stderr goes to the
/// logger at debug level, bounded.
///
/// The children are started by `init` and stopped by ``shutdown(grace:)``; a child also ends
/// when this process exits, since its stdin closes.
///
/// Thread safety: `process` may run on many pages at once; it suspends, never blocks.
public final class CommandProcessor: AsyncProcessor {
    public var name: String { "command" }
    private let workers: [CommandWorker]
    /// Where the search for the least-loaded worker starts, so that ties rotate.
    private let turn = Atomic<Int>(0)

    /// Validates `configuration` and starts its children.
    ///
    /// - Throws: ``CommandProcessorError`` with code `cannotStart` when the program is not
    ///   found or cannot be spawned, or a limit is invalid.
    public init(configuration: CommandProcessorConfiguration, logger: Logger) throws(CommandProcessorError) {
        let executable = try configuration.validated()
        var workers: [CommandWorker] = []
        for _ in 0..<configuration.workers {
            workers.append(try CommandWorker(configuration: configuration, executable: executable, logger: logger))
        }
        self.workers = workers
    }

    /// Sends `page` to a child and turns its answer into items and links.
    ///
    /// - Throws: ``CommandProcessorError`` for this page's failure; `CancellationError` when the
    ///   calling task is cancelled.
    public func process(_ page: Page) async throws -> ProcessorOutput {
        let answer = try await leastLoadedWorker().process(page)
        return try CommandAnswer.output(from: answer, page: page)
    }

    /// Fails pages still waiting, closes every child's stdin and waits for the children to
    /// exit, killing any still running after `grace` seconds.
    public func shutdown(grace: Double = 5) async {
        await withTaskGroup(of: Void.self) { group in
            for worker in workers { group.addTask { await worker.stop(grace: grace) } }
        }
    }

    private func leastLoadedWorker() -> CommandWorker {
        let start = turn.add(1, ordering: .relaxed).newValue
        var best = workers[start % workers.count]
        var bestLoad = best.load
        for offset in 1..<max(workers.count, 1) where bestLoad > 0 {
            let worker = workers[(start + offset) % workers.count]
            let load = worker.load
            if load < bestLoad { (best, bestLoad) = (worker, load) }
        }
        return best
    }
}
