import ArgumentParser
import Foundation
import TrawlCore
import TrawlStore

/// `trawl status`: the cache's job — seeds, URLs by state, per-host progress, the last run's
/// rate, finished or not. Reads beside a running crawl.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the cache's crawl job: seeds, URLs by state, per-host progress, last run's rate, finished or not.")

    @OptionGroup var location: CacheLocation

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() async throws {
        let store = try location.openReadOnly()
        let report: StatusReport?
        do {
            report = try await StatusReport.read(store)
            try await store.close()
        } catch {
            try? await store.close()
            throw CrawlFailure(message: "\(error)")
        }
        if json {
            print(try CacheJSON.line(report ?? StatusReport.none))
        } else {
            print(report?.text(path: location.databasePath) ?? "no crawl job in \(location.databasePath)\n", terminator: "")
        }
    }
}

/// What `trawl status` prints; the JSON keys are stable.
struct StatusReport: Encodable {
    struct Host: Encodable {
        var host: String
        var queued: Int
        var done: Int
        var failed: Int
    }

    var job: Bool
    var seeds: [String]
    var state: String
    var queued: Int
    var done: Int
    var failed: Int
    var items: Int
    var createdAt: String?
    var finishedAt: String?
    var runs: Int
    var lastRunPages: Int?
    var lastRunPagesPerSecond: Double?
    var hosts: [Host]

    static let none = StatusReport(
        job: false, seeds: [], state: "none", queued: 0, done: 0, failed: 0, items: 0, runs: 0, hosts: [])

    static func read(_ store: any JobStore) async throws -> StatusReport? {
        guard let job = try await store.currentJob() else { return nil }
        let counts = try await store.jobCounts()
        let runs = try await store.runs()
        let last = runs.last
        var rate: Double?
        if let last, last.pages > 0, let end = last.lastRecordedAt {
            let seconds = end.timeIntervalSince(last.startedAt)
            if seconds > 0 { rate = (Double(last.pages) / seconds * 10).rounded() / 10 }
        }
        let hosts = counts.hosts.map { Host(host: $0.key, queued: $0.value.queued, done: $0.value.done, failed: $0.value.failed) }
            .sorted { $0.host < $1.host }
        return StatusReport(
            job: true, seeds: job.settings.seeds,
            state: job.finishedAt != nil ? "finished" : (counts.queued > 0 ? "unfinished" : "stopped"),
            queued: counts.queued, done: counts.done, failed: counts.failed, items: counts.items,
            createdAt: CacheJSON.timestamp(job.createdAt), finishedAt: job.finishedAt.map(CacheJSON.timestamp),
            runs: runs.count, lastRunPages: last?.pages, lastRunPagesPerSecond: rate, hosts: hosts)
    }

    func text(path: String) -> String {
        var out = "job in \(path): \(state)\n"
        out += "seeds: \(seeds.joined(separator: " "))\n"
        out += "urls: \(queued + done + failed) known, \(queued) queued, \(done) done, \(failed) failed; \(items) items\n"
        if let createdAt { out += "started: \(createdAt)" + (finishedAt.map { ", finished: \($0)" } ?? "") + "\n" }
        if let lastRunPages {
            out += "runs: \(runs); last run: \(lastRunPages) pages"
            out += lastRunPagesPerSecond.map { " at \($0) pages/s" } ?? ""
            out += "\n"
        }
        if !hosts.isEmpty {
            let width = hosts.map(\.host.count).max() ?? 4
            out += "host".padding(toLength: width, withPad: " ", startingAt: 0) + "  queued    done  failed\n"
            for host in hosts {
                out += host.host.padding(toLength: width, withPad: " ", startingAt: 0)
                out += String(format: "  %6d  %6d  %6d\n", host.queued, host.done, host.failed)
            }
        }
        return out
    }
}
