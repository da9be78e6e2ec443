import Foundation
import Trawl

/// The end-of-crawl summary printed on stderr.
struct SummaryReport {
    let summary: CrawlSummary
    let output: String

    var text: String {
        let stats = summary.statistics
        var lines = [
            "Crawl \(summary.stopped ? "stopped" : "finished") in \(String(format: "%.2f", summary.elapsed.seconds)) s: "
                + "\(stats.pagesDone) pages, \(String(format: "%.1f", summary.pagesPerSecond)) pages/s",
            "  fetched     \(stats.fetched) responses, \(Self.megabytes(stats.bytesFetched))",
            "  from cache  \(stats.fromCache) responses, \(Self.megabytes(stats.bytesFromCache))",
        ]
        let reasons = stats.failedByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        lines.append("  failed      \(stats.failed)" + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))"))
        lines.append("  items       \(stats.items) written to \(output == "-" ? "stdout" : output)")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
