import ArgumentParser
import Foundation
import TrawlStore

/// `trawl cache stats`: counts and sizes, read from metadata without touching a body.
struct CacheStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count entries, hosts, statuses and bytes (raw, stored, ratio) without reading bodies.")

    @OptionGroup var location: CacheLocation

    @Flag(help: "Print one JSON object instead of aligned text.")
    var json = false

    func run() async throws {
        let store = try location.openReadOnly()
        let statistics: StoreStatistics
        do {
            statistics = try await store.statistics()
            try await store.close()
        } catch {
            try? await store.close()
            throw CrawlFailure(message: "\(error)")
        }
        let report = CacheStatsReport(statistics)
        if json {
            print(try CacheJSON.line(report))
        } else {
            print(report.text(path: location.databasePath), terminator: "")
        }
    }
}

/// What `cache stats` prints; the JSON keys are stable.
struct CacheStatsReport: Encodable {
    var entries: Int
    var hosts: Int
    var statuses: [String: Int]
    var failures: Int
    var rawBytes: Int64
    var uniqueBodies: Int
    var uniqueBodyBytes: Int64
    var storedBytes: Int64
    var ratio: Double?
    var packs: Int
    var fileBytes: Int64
    var oldestFetch: String?
    var newestFetch: String?

    init(_ statistics: StoreStatistics) {
        entries = statistics.responses
        hosts = statistics.hosts
        statuses = Dictionary(uniqueKeysWithValues: statistics.statusCounts.map { (String($0.key), $0.value) })
        failures = statistics.failures
        rawBytes = statistics.bodyBytes
        uniqueBodies = statistics.uniqueBodies
        uniqueBodyBytes = statistics.uniqueBodyBytes
        storedBytes = statistics.storedBodyBytes
        // Raw over stored: what deduplication and compression save together.
        ratio = storedBytes > 0 ? (Double(rawBytes) / Double(storedBytes) * 100).rounded() / 100 : nil
        packs = statistics.packs
        fileBytes = statistics.fileBytes
        oldestFetch = statistics.oldestFetch.map(CacheJSON.timestamp)
        newestFetch = statistics.newestFetch.map(CacheJSON.timestamp)
    }

    enum CodingKeys: String, CodingKey {
        case entries, hosts, statuses, failures, ratio, packs
        case rawBytes = "raw_bytes", uniqueBodies = "unique_bodies", uniqueBodyBytes = "unique_body_bytes"
        case storedBytes = "stored_bytes", fileBytes = "file_bytes"
        case oldestFetch = "oldest_fetch", newestFetch = "newest_fetch"
    }

    /// Aligned `name  value` lines, each ending in a newline.
    func text(path: String) -> String {
        let statusText = statuses.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }
            .map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        let rows: [(String, String)] = [
            ("cache", path),
            ("entries", "\(entries)"),
            ("hosts", "\(hosts)"),
            ("statuses", statusText.isEmpty ? "-" : statusText),
            ("failures", "\(failures)"),
            ("raw bytes", "\(rawBytes)"),
            ("unique bodies", "\(uniqueBodies) (\(uniqueBodyBytes) bytes)"),
            ("stored bytes", "\(storedBytes) in \(packs) packs"),
            ("ratio", ratio.map { String(format: "%.2f", $0) } ?? "-"),
            ("file bytes", "\(fileBytes)"),
            ("oldest fetch", oldestFetch ?? "-"),
            ("newest fetch", newestFetch ?? "-"),
        ]
        return rows.map { $0.0.padding(toLength: 14, withPad: " ", startingAt: 0) + $0.1 + "\n" }.joined()
    }
}
