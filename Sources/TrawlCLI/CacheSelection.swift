import ArgumentParser
import TrawlStore

/// `--host` and `--match`, shared by `cache ls`, `rm` and `export`, and the paged walk over
/// the entries they select.
struct CacheSelection: ParsableArguments {
    @Option(help: ArgumentHelp("Only entries of this host (no port).", valueName: "host"))
    var host: String?

    @Option(help: ArgumentHelp("Only URLs this regular expression matches anywhere.", valueName: "regex"))
    var match: String?

    /// Entries per page: memory holds one page, never the whole table.
    static let pageSize = 500

    /// `--match` compiled; bad input when it is not a regular expression.
    func regex() throws -> Regex<AnyRegexOutput>? {
        guard let match else { return nil }
        do {
            return try Regex(match)
        } catch {
            throw ValidationError("invalid --match '\(match)': \(error)")
        }
    }

    /// Calls `body` with each page of entries that pass `filter` and `--match`, in key order.
    ///
    /// The next page starts after the last key read, so `body` may delete the entries it got.
    func forEachPage(
        of store: SQLiteCrawlStore, filter: CacheEntryFilter, regex: Regex<AnyRegexOutput>?,
        _ body: ([CacheEntry]) async throws -> Void
    ) async throws {
        var after: String?
        while true {
            let page = try await store.entries(matching: filter, after: after, limit: Self.pageSize)
            guard let last = page.last else { return }
            after = last.key
            let selected = regex.map { regex in page.filter { $0.key.contains(regex) } } ?? page
            if !selected.isEmpty { try await body(selected) }
        }
    }
}
