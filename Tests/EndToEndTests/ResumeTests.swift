import Foundation
import Testing
import TrawlTestSupport

/// The durable job through the real binary: kill -9 at random moments and resume until done,
/// SIGTERM with a grace period, changed settings refused, `trawl status` and `trawl items`.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct ResumeTests {
    private static func arguments(_ site: ResumeSite, _ folder: TemporaryFolder, _ extra: [String] = []) -> [String] {
        [
            "crawl", site.seed, "--allow-host", "127.0.0.2,127.0.0.3", "--per-host", "2", "--concurrency", "6",
            "-o", folder.path("items.jsonl"), "--cache", folder.path("c.sqlite"), "--extract", "title=//h1",
        ] + extra
    }

    /// The item lines of `text` as (url, title) pairs; every line must be complete JSON.
    private static func items(_ text: String) -> [(url: String, title: String)] {
        jsonLines(text).compactMap { object in
            guard let url = object["url"] as? String, let title = object["title"] as? String else { return nil }
            return (url, title)
        }
    }

    private static func itemURLs(_ folder: TemporaryFolder) async throws -> Set<String> {
        let listed = try await TrawlProcess.run(["items", "--cache", folder.path("c.sqlite"), "-o", folder.path("db.jsonl")])
        #expect(listed.status == 0, "\(listed.stderr)")
        return Set(items(folder.read("db.jsonl")).map(\.url))
    }

    @Test("killed with SIGKILL at random moments and resumed until done, the output holds each page's item once and no done page is fetched again")
    func killNineLoop() async throws {
        try await ExclusiveTestGate.shared.run { try await killNineLoopExclusive() }
    }

    private func killNineLoopExclusive() async throws {
        let site = try ResumeSite(delay: 0.01)
        let folder = try TemporaryFolder()
        defer { folder.remove(); site.stop() }
        let expected = site.expectedTitles
        #expect(expected.count >= 500)
        var random = SystemRandomNumberGenerator()
        var kills = 0
        var finished = false
        for run in 0..<40 {
            let marks = site.logMarks
            let doneBefore = run == 0 ? [] : try await Self.itemURLs(folder)
            let trigger = kills < 12 ? InterruptTrigger(after: Int.random(in: 15...70, using: &random), signal: SIGKILL) : nil
            site.arm(trigger)
            let running = try TrawlProcess.start(Self.arguments(site, folder) + ["--quiet"])
            trigger?.arm(running)
            let result = await running.result(timeout: 120)
            site.arm(nil)
            let thisRun = site.pageRequests(since: marks)
            let refetched = thisRun.filter { doneBefore.contains($0) }
            #expect(refetched.isEmpty, "run \(run) fetched pages the job had recorded as done: \(refetched.prefix(5))")
            if result.status == 0 {
                finished = true
                break
            }
            #expect(result.status == 137 || result.status == 9, "run \(run): \(result.status) \(result.stderr)")
            kills += 1
            if kills == 1 {
                // A torn last line, as a crash in the middle of a write leaves it.
                let handle = try #require(FileHandle(forWritingAtPath: folder.path("items.jsonl")))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("{\"url\":\"http://127.0.0.1/tor".utf8))
                try handle.close()
            }
        }
        #expect(finished, "the crawl never finished")
        #expect(kills >= 10, "only \(kills) kills landed")
        let lines = folder.read("items.jsonl").split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let written = Self.items(folder.read("items.jsonl"))
        #expect(written.count == lines.count, "every line is a complete item")
        #expect(written.count == expected.count, "each item once: \(written.count) lines for \(expected.count) pages")
        #expect(Set(written.map(\.url)) == Set(expected.keys))
        for item in written where expected[item.url] != item.title {
            Issue.record("\(item.url): \(item.title)")
        }
        let requests = site.pageRequests
        #expect(Set(requests) == Set(expected.keys), "every page requested")
        let again = try await TrawlProcess.run(Self.arguments(site, folder))
        #expect(again.status == 0)
        #expect(again.stderr.contains("is finished"), "\(again.stderr)")
        #expect(site.pageRequests.count == requests.count, "a finished job fetches nothing")
    }

    @Test("SIGTERM stops within the grace period with exit 143 and the resume command; the resumed crawl completes the items")
    func sigtermWithGrace() async throws {
        try await ExclusiveTestGate.shared.run { try await sigtermWithGraceExclusive() }
    }

    private func sigtermWithGraceExclusive() async throws {
        let site = try ResumeSite(hosts: ["127.0.0.1"], lists: 2, perList: 6, delay: 2)
        let folder = try TemporaryFolder()
        defer { folder.remove(); site.stop() }
        let arguments = [
            "crawl", site.seed, "--per-host", "4", "-o", folder.path("items.jsonl"), "--cache", folder.path("c.sqlite"),
            "--extract", "title=//h1", "--grace", "0.5",
        ]
        let trigger = InterruptTrigger(after: 2, signal: SIGTERM)
        site.arm(trigger)
        let started = Date()
        let running = try TrawlProcess.start(arguments)
        trigger.arm(running)
        let stopped = await running.result(timeout: 60)
        site.arm(nil)
        #expect(stopped.status == 143, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("grace period over"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("trawl crawl \(site.seed)"), "the resume command is printed: \(stopped.stderr)")
        // Three pages at most were answered before the signal; each takes 2 s, the grace is 0.5 s.
        #expect(Date().timeIntervalSince(started) < 12)

        let resumed = try await TrawlProcess.run(arguments, timeout: 120)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let written = Self.items(folder.read("items.jsonl"))
        #expect(written.count == site.expectedTitles.count)
        #expect(Set(written.map(\.url)) == Set(site.expectedTitles.keys))
    }

    @Test("Ctrl-C prints the resume command; a changed setting is refused with exit 2; --resume-anyway goes on")
    func changedSettingsRefused() async throws {
        try await ExclusiveTestGate.shared.run { try await changedSettingsRefusedExclusive() }
    }

    private func changedSettingsRefusedExclusive() async throws {
        let site = try ResumeSite(hosts: ["127.0.0.1"], lists: 4, perList: 10, delay: 0.2)
        let folder = try TemporaryFolder()
        defer { folder.remove(); site.stop() }
        let arguments = [
            "crawl", site.seed, "--per-host", "2", "-o", folder.path("items.jsonl"), "--cache", folder.path("c.sqlite"),
            "--extract", "title=//h1",
        ]
        let trigger = InterruptTrigger(after: 6)
        site.arm(trigger)
        let running = try TrawlProcess.start(arguments)
        trigger.arm(running)
        let stopped = await running.result(timeout: 60)
        site.arm(nil)
        #expect(stopped.status == 130, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("the same command resumes the crawl: trawl crawl"), "\(stopped.stderr)")

        let status = try await TrawlProcess.run(["status", "--cache", folder.path("c.sqlite"), "--json"])
        let object = try #require(jsonLines(status.stdout).first)
        #expect(object["state"] as? String == "unfinished")
        #expect((object["queued"] as? Int ?? 0) > 0)

        let changed = try await TrawlProcess.run(arguments + ["--max-depth", "1"])
        #expect(changed.status == 2)
        let message = changed.stderr.split(separator: "\n").filter { !$0.isEmpty }
        #expect(message.count == 1, "\(changed.stderr)")
        #expect(changed.stderr.contains("--max-depth added (1)"), "\(changed.stderr)")
        #expect(changed.stderr.contains("--fresh") && changed.stderr.contains("--resume-anyway"))

        let anyway = try await TrawlProcess.run(arguments + ["--max-depth", "5", "--resume-anyway"], timeout: 120)
        #expect(anyway.status == 0, "\(anyway.stderr)")
        #expect(Self.items(folder.read("items.jsonl")).count == site.expectedTitles.count)
        let finishedStatus = try await TrawlProcess.run(["status", "--cache", folder.path("c.sqlite")])
        #expect(finishedStatus.stdout.contains(": finished"), "\(finishedStatus.stdout)")
        #expect(finishedStatus.stdout.contains("\(site.expectedTitles.count) done"), "\(finishedStatus.stdout)")
    }

    @Test("trawl items writes a finished job's items in any format; status and items on an empty cache say there is no job")
    func itemsAndStatus() async throws {
        try await ExclusiveTestGate.shared.run { try await itemsAndStatusExclusive() }
    }

    private func itemsAndStatusExclusive() async throws {
        let site = try ResumeSite(hosts: ["127.0.0.1"], lists: 2, perList: 5, delay: 0)
        let folder = try TemporaryFolder()
        defer { folder.remove(); site.stop() }
        let crawl = try await TrawlProcess.run([
            "crawl", site.seed, "-o", folder.path("items.jsonl"), "--cache", folder.path("c.sqlite"), "--extract", "title=//h1",
        ])
        #expect(crawl.status == 0, "\(crawl.stderr)")
        let csv = try await TrawlProcess.run(["items", "--cache", folder.path("c.sqlite"), "-o", folder.path("items.csv")])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = try CSVReader.records(in: folder.read("items.csv"))
        #expect(rows.first == ["url", "title"])
        #expect(rows.count == site.expectedTitles.count + 1)
        let json = try await TrawlProcess.run(["items", "--cache", folder.path("c.sqlite"), "-o", "-"])
        #expect(json.stdout == folder.read("items.jsonl"), "the database holds exactly what the crawl wrote")

        let status = try await TrawlProcess.run(["status", "--cache", folder.path("c.sqlite"), "--json"])
        let object = try #require(jsonLines(status.stdout).first)
        #expect(object["state"] as? String == "finished")
        #expect(object["done"] as? Int == site.expectedTitles.count)
        #expect(object["items"] as? Int == site.expectedTitles.count)

        // A cache that holds responses but no job (`trawl robots` fills it).
        let robots = try await TrawlProcess.run(["robots", site.seed, "--cache", folder.path("other.sqlite")])
        #expect(robots.status == 0, "\(robots.stderr)")
        let none = try await TrawlProcess.run(["status", "--cache", folder.path("other.sqlite")])
        #expect(none.status == 0)
        #expect(none.stdout.contains("no crawl job"), "\(none.stdout)")
        let noneJSON = try await TrawlProcess.run(["status", "--cache", folder.path("other.sqlite"), "--json"])
        #expect(jsonLines(noneJSON.stdout).first?["job"] as? Bool == false)
        let noItems = try await TrawlProcess.run(["items", "--cache", folder.path("other.sqlite"), "-o", "-"])
        #expect(noItems.status == 2, "\(noItems.stderr)")
        #expect(noItems.stderr.contains("no crawl job"))
    }
}
