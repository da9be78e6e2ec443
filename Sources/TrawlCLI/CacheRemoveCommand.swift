import ArgumentParser
import Foundation
import TrawlCore
import TrawlStore

/// `trawl cache rm`: removes entries by URL, host, URL pattern or age.
struct CacheRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove cached responses: one URL, or every entry that --host, --match and --older-than select.",
        discussion: """
            The filters combine: an entry must pass every one given. Bodies and packs no entry \
            uses any more are freed at once; `trawl cache vacuum` gives the file space back. \
            Needs the cache to itself (not beside a running crawl). Prints how many were removed.
            """)

    @Argument(help: ArgumentHelp("The URL to remove (canonicalised as the crawler does).", valueName: "url"))
    var url: String?

    @OptionGroup var location: CacheLocation
    @OptionGroup var selection: CacheSelection

    @Option(
        name: .customLong("older-than"),
        help: ArgumentHelp("Only entries fetched longer ago than this: 45s, 30m, 12h, 7d or 2w.", valueName: "duration"))
    var olderThan: String?

    func validate() throws {
        let filtered = selection.host != nil || selection.match != nil || olderThan != nil
        if url != nil && filtered { throw ValidationError("give a URL or filters (--host, --match, --older-than), not both") }
        if url == nil && !filtered { throw ValidationError("nothing to remove: give a URL, --host, --match or --older-than") }
    }

    func run() async throws {
        // Everything typed is checked before the cache is opened.
        let key = try url.map { argument in try CacheShowCommand.cacheKey(for: argument) }
        let regex = try selection.regex()
        var filter = CacheEntryFilter(host: selection.host)
        if let olderThan {
            do {
                let seconds = try DurationParser.seconds(from: olderThan)
                filter.fetchedBefore = Date().addingTimeInterval(-seconds)
            } catch {
                throw ValidationError("--older-than: \(error)")
            }
        }
        let store = try location.openForWriting()
        var removed = 0
        do {
            if let key {
                removed = try await store.removeResponses(forKeys: [key])
            } else {
                try await selection.forEachPage(of: store, filter: filter, regex: regex) { page in
                    removed += try await store.removeResponses(forKeys: page.map(\.key))
                }
            }
            try await store.close()
        } catch {
            try? await store.close()
            throw CrawlFailure(message: "\(error)")
        }
        print("removed \(removed) \(removed == 1 ? "response" : "responses")")
    }
}
