import ArgumentParser
import Foundation
import TrawlCore
import TrawlStore

/// `trawl cache export --warc FILE`: the cache as a WARC 1.1 file for replay and archiving tools.
struct CacheExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write cached responses to a WARC 1.1 file (.warc.gz, one gzip member per record).",
        discussion: """
            A warcinfo record, then a request and a response record per cached entry, and for an \
            entry last revalidated by a 304 a request and a revisit record (server-not-modified) \
            referring to its response record. Bodies are \
            stored decoded, so each response loses Content-Encoding and Transfer-Encoding and its \
            Content-Length is the stored body's. Entries whose stored body cannot be read are skipped.
            """)

    @Option(help: ArgumentHelp("The WARC file to write (created or replaced).", valueName: "file"))
    var warc: String

    @OptionGroup var location: CacheLocation
    @OptionGroup var selection: CacheSelection

    @Option(name: .customLong("user-agent"), help: ArgumentHelp("The User-Agent of the reconstructed requests.", valueName: "text"))
    var userAgent = TrawlVersion.defaultUserAgent

    func validate() throws {
        guard !userAgent.contains(where: \.isNewline) else { throw ValidationError("--user-agent must be one line") }
    }

    func run() async throws {
        let regex = try selection.regex()
        let store = try location.openReadOnly()
        var exported = 0, skipped = 0, revisits = 0
        do {
            let writer = try WARCWriter(path: warc, userAgent: userAgent)
            try await selection.forEachPage(
                of: store, filter: CacheEntryFilter(host: selection.host), regex: regex
            ) { page in
                for entry in page {
                    guard let response = try await store.cachedResponse(forKey: entry.key) else {
                        skipped += 1
                        continue
                    }
                    if response.status == 304 { continue }  // a stray 304 has no body to archive
                    let responseID = try writer.write(response, url: entry.key, bodyDate: entry.bodyFetchedAt)
                    if let revalidated = entry.revalidatedAt {
                        try writer.writeRevisit(
                            response, url: entry.key, date: revalidated, refersTo: responseID,
                            bodyDate: entry.bodyFetchedAt)
                        revisits += 1
                    }
                    exported += 1
                }
            }
            try writer.close()
            try await store.close()
        } catch {
            try? await store.close()
            throw CrawlFailure(message: "\(error)")
        }
        let note = skipped > 0 ? " (\(skipped) unreadable skipped)" : ""
        let revisited = revisits > 0 ? ", \(revisits) revalidated by a 304 (revisit records)" : ""
        print("exported \(exported) \(exported == 1 ? "response" : "responses")\(revisited) to \(warc)\(note)")
    }
}
