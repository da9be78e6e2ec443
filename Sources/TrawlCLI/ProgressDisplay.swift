import Foundation
import Synchronization
import Trawl

/// The live progress line on stderr (only when stderr is a terminal), redrawn twice a second.
final class ProgressDisplay: Sendable {
    private let progress: @Sendable () async -> CrawlProgress
    private let enabled: Bool
    private let task = Mutex<Task<Void, Never>?>(nil)

    convenience init(crawler: Crawler, enabled: Bool) {
        self.init(enabled: enabled) { await crawler.progress() }
    }

    /// A display of whatever `progress` reports (`trawl extract` has no crawler).
    init(enabled: Bool, progress: @escaping @Sendable () async -> CrawlProgress) {
        self.progress = progress
        self.enabled = enabled
    }

    func start() {
        guard enabled else { return }
        let progress = progress
        task.withLock {
            $0 = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(500))
                    let current = await progress()
                    if Task.isCancelled { return }
                    FileHandle.standardError.write(Data("\r\u{1B}[K\(Self.line(for: current))".utf8))
                }
            }
        }
    }

    /// Stops redrawing and clears the line; waits for a redraw in progress so that none can land
    /// after the summary.
    func stop() async {
        guard enabled else { return }
        let running = task.withLock { current in
            defer { current = nil }
            return current
        }
        running?.cancel()
        await running?.value
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func line(for progress: CrawlProgress) -> String {
        let stats = progress.statistics
        let seconds = progress.elapsed.seconds
        let rate = seconds > 0 ? Double(stats.pagesDone) / seconds : 0
        return "\(stats.pagesDone) done, \(progress.queued) queued, \(progress.inFlight) in flight, "
            + "\(String(format: "%.1f", rate)) pages/s, \(stats.fromCache) from cache, \(stats.failed) errors"
    }
}
