import ArgumentParser
import Foundation
import TrawlStore

/// `--cache PATH`, shared by every `trawl cache` subcommand, and how each opens it.
struct CacheLocation: ParsableArguments {
    @Option(help: ArgumentHelp("The cache database, as for crawl (a folder gets trawl.sqlite inside).", valueName: "path"))
    var cache = "cache/trawl.sqlite"

    /// The database file `--cache` names.
    var databasePath: String { CrawlCommand.databasePath(for: cache) }

    /// Opens the cache for reading beside any writer; a missing cache is bad input.
    func openReadOnly() throws -> SQLiteCrawlStore {
        try open(readOnly: true)
    }

    /// Opens the cache for writing: refused while a crawl (or another writer) has it.
    func openForWriting() throws -> SQLiteCrawlStore {
        try open(readOnly: false)
    }

    private func open(readOnly: Bool) throws -> SQLiteCrawlStore {
        let path = databasePath
        // A writer would create a missing cache; no cache command has a reason to.
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no cache at \(path)") }
        do {
            return try SQLiteCrawlStore(path: path, readOnly: readOnly, logger: CommandLogging.bootstrap(verbose: false))
        } catch {
            throw ValidationError(error.description)
        }
    }
}
