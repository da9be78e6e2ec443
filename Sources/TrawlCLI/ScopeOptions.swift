import ArgumentParser
import Trawl
import TrawlFrontier

/// The `crawl` options that decide which discovered URLs are crawled, and under which
/// canonical form they are deduplicated.
struct ScopeOptions: ParsableArguments {
    @Option(name: .customLong("allow-domain"), help: ArgumentHelp("Also crawl this domain and all its subdomains (repeatable or comma-separated).", valueName: "domain"))
    var allowDomains: [String] = []

    @Option(help: ArgumentHelp("Crawl only URLs whose canonical form matches one of these regexes (repeatable).", valueName: "regex"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Never crawl URLs whose canonical form matches this regex (repeatable; wins over --include).", valueName: "regex"))
    var exclude: [String] = []

    @Option(name: .customLong("strip-query"), help: ArgumentHelp("Remove these query parameters before deduplication (repeatable; globs such as utm_*).", valueName: "name"))
    var stripQuery: [String] = []

    @Flag(name: .customLong("sort-query"), help: "Sort query parameters by name before deduplication.")
    var sortQuery = false

    @Option(name: .customLong("max-url-length"), help: ArgumentHelp("Skip URLs longer than this many bytes.", valueName: "bytes"))
    var maxURLLength = LinkRules.defaultMaxURLLength

    @Flag(name: .customLong("no-trap-guard"), help: "Crawl paths with a segment repeated more than 3 times in a row or more than 32 segments.")
    var noTrapGuard = false

    /// The filters these options describe (validated with the crawl configuration).
    var filters: LinkFilters {
        LinkFilters(
            include: include, exclude: exclude, stripQuery: stripQuery, sortQuery: sortQuery,
            maxURLLength: maxURLLength, trapGuard: !noTrapGuard)
    }

    /// `--allow-domain` values, comma-separated ones split.
    var domains: [String] {
        allowDomains.flatMap { $0.split(separator: ",").map(String.init) }
    }
}
