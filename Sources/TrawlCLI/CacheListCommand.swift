import ArgumentParser
import Foundation
import TrawlStore

/// `trawl cache ls`: one line per cached URL, streamed page by page.
struct CacheListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List cached URLs with status, body size and fetch time.",
        discussion: """
            One line per entry in URL order: URL, status, body bytes and fetch time (ISO 8601, \
            UTC), tab-separated; --json prints JSON lines with the keys url, final_url, host, \
            status, size and fetched_at instead. Bodies are never read.
            """)

    @OptionGroup var location: CacheLocation
    @OptionGroup var selection: CacheSelection

    @Option(help: ArgumentHelp("Only entries with this HTTP status.", valueName: "code"))
    var status: Int?

    @Flag(help: "Print JSON lines instead of tab-separated text.")
    var json = false

    func run() async throws {
        let regex = try selection.regex()
        let store = try location.openReadOnly()
        let formatter = CacheJSON.makeFormatter()
        let output = FileHandle.standardOutput
        do {
            try await selection.forEachPage(
                of: store, filter: CacheEntryFilter(host: selection.host, status: status), regex: regex
            ) { page in
                var text = ""
                for entry in page {
                    let fetched = formatter.string(from: entry.fetchedAt)
                    if json {
                        text += try CacheJSON.line(CacheListLine(entry, fetchedAt: fetched)) + "\n"
                    } else {
                        text += "\(entry.key)\t\(entry.status)\t\(entry.bodyLength)\t\(fetched)\n"
                    }
                }
                try output.write(contentsOf: Data(text.utf8))
            }
            try await store.close()
        } catch let failure as CrawlFailure {
            try? await store.close()
            throw failure
        } catch {
            try? await store.close()
            throw CrawlFailure(message: "\(error)")
        }
    }
}

/// One `cache ls --json` line.
struct CacheListLine: Encodable {
    var url: String
    var finalURL: String
    var host: String
    var status: Int
    var size: Int64
    var fetchedAt: String

    init(_ entry: CacheEntry, fetchedAt: String) {
        url = entry.key
        finalURL = entry.finalURL
        host = entry.host
        status = entry.status
        size = entry.bodyLength
        self.fetchedAt = fetchedAt
    }

    enum CodingKeys: String, CodingKey {
        case url, host, status, size
        case finalURL = "final_url", fetchedAt = "fetched_at"
    }
}
