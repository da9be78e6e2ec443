import Foundation
import Trawl
import TrawlHTTPCache

/// The end-of-crawl summary printed on stderr.
struct SummaryReport {
    let summary: CrawlSummary
    let output: String
    /// The first word of the report: `Crawl`, or `Extract` for `trawl extract`.
    var heading = "Crawl"
    /// What the robots.txt line says when robots.txt was not read.
    var robotsIgnoredNote = "ignored (--ignore-robots)"

    var text: String {
        let stats = summary.statistics
        var lines = [
            "\(heading) \(summary.stopped ? "stopped" : "finished") in \(String(format: "%.2f", summary.elapsed.seconds)) s: "
                + "\(stats.pagesDone) pages, \(String(format: "%.1f", summary.pagesPerSecond)) pages/s",
            "  fetched     \(stats.fetched) responses, \(Self.bytes(stats.bytesFetched))",
            "  from cache  \(stats.fromCache) responses, \(Self.bytes(stats.bytesFromCache))",
        ]
        if let cache = Self.cacheLine(stats.cache) { lines.append(cache) }
        let reasons = stats.failedByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        lines.append("  failed      \(stats.failed)" + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))"))
        let scheduler = summary.scheduler
        if scheduler.retries > 0 { lines.append("  retries     \(scheduler.retries)") }
        if summary.robotsIgnored {
            lines.append("  robots.txt  \(robotsIgnoredNote)")
        } else {
            lines.append("  robots.txt  \(stats.robotsParsed) parsed, \(stats.blockedByRobots) pages blocked by robots")
        }
        var drops = scheduler.drops
        drops.merge(stats.droppedLinks)
        if !drops.isEmpty {
            let text = drops.nonZero.sorted { $0.reason.rawValue < $1.reason.rawValue }
                .map { "\($0.reason) \($0.count)" }.joined(separator: ", ")
            lines.append("  links not followed: \(text)")
        }
        if !stats.processorNotes.isEmpty {
            let text = stats.processorNotes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append("  skipped     \(text.joined(separator: ", "))")
        }
        if !scheduler.slowedHosts.isEmpty {
            let text = scheduler.slowedHosts.map {
                "\($0.host) (\($0.concurrency) in flight, \(String(format: "%.2f", $0.delay)) s apart)"
            }
            lines.append("  slowed down \(text.joined(separator: ", "))")
        }
        lines.append("  items       \(stats.items) written to \(output == "-" ? "stdout" : output)")
        if stats.fieldWarnings > 0 {
            lines.append("  field values not converted: \(stats.fieldWarnings) (left out or null; -v logs each)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the cache did, or nil when no request went through it.
    static func cacheLine(_ cache: CacheCounters) -> String? {
        guard CacheCounters.Event.allCases.contains(where: { cache[$0] > 0 }) else { return nil }
        return "  cache       \(cache.servedFromCache) served from cache, "
            + "\(cache.revalidatedUnchanged) revalidated unchanged (304), "
            + "\(cache.revalidatedChanged) revalidated changed, \(cache.fetched) fetched, "
            + "\(cache.notStored) not stored, \(cache.missed) missed (offline)"
    }

    /// `512 B`, `12.3 KB`, `45.6 MB`, `7.8 GB` (decimal units).
    static func bytes(_ count: Int) -> String {
        let units = ["KB", "MB", "GB", "TB"]
        guard count >= 1000 else { return "\(count) B" }
        var value = Double(count) / 1000
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return String(format: "%.1f", value) + " " + units[unit]
    }
}
