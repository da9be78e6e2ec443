import ArgumentParser

/// `trawl cache`: look into the HTTP cache, remove from it, compact it, export it as WARC.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Inspect, prune, compact or export the response cache.",
        discussion: """
            stats, ls, show and export open the cache read-only and may run beside a crawl; rm and \
            vacuum need the cache to themselves. Exit status: 0 on success, 1 when the cache \
            fails or show finds no entry, 2 for bad input.
            """,
        subcommands: [
            CacheStatsCommand.self, CacheListCommand.self, CacheShowCommand.self, CacheRemoveCommand.self,
            CacheVacuumCommand.self, CacheExportCommand.self,
        ]
    )
}
