import Foundation
import Synchronization
import Trawl

/// The live progress line on stderr (only when stderr is a terminal), redrawn twice a second.
final class ProgressDisplay: Sendable {
    private let crawler: Crawler
    private let enabled: Bool
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(crawler: Crawler, enabled: Bool) {
        self.crawler = crawler
        self.enabled = enabled
    }

    func start() {
        guard enabled else { return }
        let crawler = crawler
        task.withLock {
            $0 = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(500))
                    let progress = await crawler.progress()
                    if Task.isCancelled { return }
                    FileHandle.standardError.write(Data("\r\u{1B}[K\(Self.line(for: progress))".utf8))
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
