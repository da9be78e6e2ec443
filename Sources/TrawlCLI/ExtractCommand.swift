import ArgumentParser
import Foundation
import Logging
import Trawl
import TrawlCommandProcessor
import TrawlCore
import TrawlFrontier
import TrawlStore

/// `trawl extract`: run the processors again over cached responses, never touching the network.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract again from cached responses, without the network.",
        discussion: """
            With seed URLs: the crawl the same options would make, served only from the cache; a \
            URL the cache does not hold is counted as not-in-cache and not followed. robots.txt is \
            not read (only cached pages are visited, and a crawl only caches what robots.txt allows). \
            With --all: every cached 2xx response (whose final URL matches --match, if given) goes \
            through the processors once, on every core, without following links; redirects are \
            skipped (their targets are cached entries of their own) and an item carries the final \
            URL of its response. The cache is opened read-only and may be in use by a crawl.
            """
    )

    @Argument(help: "Seed URLs (http or https) to crawl the cache from.")
    var seeds: [String] = []

    @Option(name: .customLong("seeds"), help: ArgumentHelp("Read more seed URLs from a file, one per line (# comments).", valueName: "file"))
    var seedsFile: String?

    @Flag(name: .customLong("no-glob"), help: "Take seed URLs literally (for IPv6 literals and URLs with [ ] { }).")
    var noGlob = false

    @Flag(help: "Process every cached 2xx response instead of crawling from seeds.")
    var all = false

    @Option(help: ArgumentHelp("With --all, only responses whose URL this regular expression matches.", valueName: "regex"))
    var match: String?

    @OptionGroup var extraction: ExtractionOptions

    @Option(help: ArgumentHelp("The cache database to read (a folder means trawl.sqlite inside).", valueName: "path"))
    var cache = "cache/trawl.sqlite"

    @Option(help: "Pages processed at once (default: one per core).")
    var concurrency = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("allow-host"), help: ArgumentHelp("Also follow links to this host (repeatable, or comma-separated).", valueName: "host"))
    var allowHosts: [String] = []

    @Option(name: .customLong("max-depth"), help: "Do not follow links deeper than this (seeds are depth 0).")
    var maxDepth: Int?

    @Option(name: .customLong("max-pages"), help: "Stop after this many pages.")
    var maxPages: Int?

    @OptionGroup(title: "Scope")
    var scope: ScopeOptions

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @OptionGroup(title: "Content") var content: ContentCommandOptions

    @OptionGroup(title: "Command processor")
    var commandProcessor: CommandProcessorOptions

    @Flag(name: [.short, .long], help: "No progress line and no summary.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Log every page at debug level on stderr.")
    var verbose = false

    func validate() throws {
        let hasSeeds = !seeds.isEmpty || seedsFile != nil
        if all && hasSeeds { throw ValidationError("--all reads every cached response: give it no seed URLs") }
        if !all && !hasSeeds { throw ValidationError("give seed URLs to crawl the cache from, or --all") }
        if match != nil && !all { throw ValidationError("--match filters --all; with seeds use --include") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
    }

    func run() async throws {
        let logger = CommandLogging.bootstrap(verbose: verbose)
        // Everything the user typed is checked before the cache is opened.
        let (specs, builtIns) = try extraction.makeProcessors()
        let pattern = try match.map { pattern throws(ValidationError) in try URLMatchPattern(pattern) }
        let configuration: CrawlConfiguration? = if all { nil } else { try crawlConfiguration() }
        let store: SQLiteCrawlStore
        do {
            store = try SQLiteCrawlStore(path: CrawlCommand.databasePath(for: cache), readOnly: true, logger: logger)
        } catch { throw ValidationError(error.description) }
        let sink = try content.wrap(output.makeSink(fieldNames: specs.map(\.name) + content.fieldNames))
        let command = try commandProcessor.makeProcessor(logger: logger)
        let processors = builtIns.map { $0 as any AsyncProcessor } + (content.makeProcessor().map { [$0] } ?? [])
            + (command.map { [$0] } ?? [])

        let result: (summary: CrawlSummary, interrupted: Bool)
        if let configuration {
            let crawler: Crawler
            do {
                crawler = try Crawler(
                    configuration: configuration, fetcher: OfflineFetcher(), store: CacheOnlyStore(base: store),
                    processors: processors, sink: sink, logger: logger)
            } catch { throw ValidationError(error.message) }
            result = try await watch(
                stop: { await crawler.stop() }, progress: { await crawler.progress() },
                run: { try await crawler.run() }, command: command)
        } else {
            let extractor = CachedPageExtractor(
                processors: processors, sink: sink, concurrency: concurrency, logger: logger)
            let batches = store.scanResponses { url, status in
                (200..<300).contains(status) && (pattern?.matches(url) ?? true)
            }
            result = try await watch(
                stop: { extractor.stop() }, progress: { extractor.progress() },
                run: {
                    let summary = try await extractor.run(batches)
                    try? await store.close()  // read-only: nothing to flush, so nothing to report
                    return summary
                }, command: command)
        }
        if !quiet {
            let report = SummaryReport(
                summary: result.summary, output: output.path, heading: "Extract", robotsIgnoredNote: "not read (offline)")
            FileHandle.standardError.write(Data(report.text.utf8))
        }
        if result.interrupted { throw ExitCode(130) }
    }

    /// The offline crawl's configuration: the crawl's scope and limits, robots.txt not read,
    /// no delays and no retries (nothing is sent anywhere).
    private func crawlConfiguration() throws -> CrawlConfiguration {
        let seedURLs = try SeedList.collect(arguments: seeds, file: seedsFile, glob: !noGlob)
        var configuration = CrawlConfiguration(
            seeds: seedURLs,
            allowedHosts: allowHosts.flatMap { $0.split(separator: ",").map(String.init) },
            limits: FrontierLimits(
                concurrency: concurrency, perHost: concurrency, maxDepth: maxDepth, maxPages: maxPages),
            politeness: SchedulerPolicy(
                obeyRobots: false, obeyCrawlDelay: false, adaptive: false, retry: RetryPolicy(maxRetries: 0)))
        configuration.allowedDomains = scope.domains
        configuration.linkFilters = scope.filters
        do { _ = try configuration.validated() } catch { throw ValidationError(error.message) }
        return configuration
    }

    /// Runs `run` with the progress line and Ctrl-C handling of a crawl, then shuts the command
    /// processor down; returns the summary and whether the user interrupted.
    private func watch(
        stop: @escaping @Sendable () async -> Void, progress: @escaping @Sendable () async -> CrawlProgress,
        run: () async throws -> CrawlSummary, command: CommandProcessor?
    ) async throws -> (summary: CrawlSummary, interrupted: Bool) {
        let interrupts = InterruptHandler(onFirstInterrupt: stop)
        let display = ProgressDisplay(enabled: !quiet && isatty(STDERR_FILENO) == 1, progress: progress)
        display.start()
        let summary: CrawlSummary
        do {
            summary = try await run()
        } catch {
            await display.stop()
            await command?.shutdown()
            throw CrawlFailure(message: "extract stopped: \(error)")
        }
        await display.stop()
        await command?.shutdown()
        return (summary, interrupts.wasInterrupted)
    }
}
