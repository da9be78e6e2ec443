import ArgumentParser
import Foundation
import Logging
import Trawl
import TrawlCore
import TrawlFetch
import TrawlFrontier
import TrawlJSONPath
import TrawlRobots
import TrawlStore

/// `trawl crawl`: crawl from seed URLs, extract fields to JSON lines, cache every response.
struct CrawlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crawl",
        abstract: "Crawl from seed URLs, write extracted fields as JSON lines, cache every response.",
        discussion: """
            Seeds may use curl-style globs: [1-151], [001-100], [a-z], {a,b,c}.
            --extract NAME=EXPR: an EXPR starting with $ is JSONPath (JSON responses); one starting \
            with /, ( or . is XPath 1.0 and css:SELECTOR a CSS selector (HTML responses); xpath: and \
            jsonpath: prefixes are explicit. A field holds its first match (text whitespace-normalized); \
            NAME[]=EXPR holds all matches as an array; NAME:number (string, integer, boolean) converts, \
            NAME:raw keeps text as is; combine as NAME[]:number,raw.
            Running the same command again serves every cached URL without touching the network.
            """
    )

    @Argument(help: "Seed URLs (http or https).")
    var seeds: [String] = []

    @Option(name: .customLong("seeds"), help: ArgumentHelp("Read more seed URLs from a file, one per line (# comments).", valueName: "file"))
    var seedsFile: String?

    @Flag(name: .customLong("no-glob"), help: "Take seed URLs literally (for IPv6 literals and URLs with [ ] { }).")
    var noGlob = false

    @OptionGroup var extraction: ExtractionOptions

    @OptionGroup var carryOptions: CarryOptions

    @OptionGroup(title: "Links")
    var linkOptions: LinkOptions

    @Option(help: ArgumentHelp("The cache database (created if missing; a folder gets trawl.sqlite inside).", valueName: "path"))
    var cache = "cache/trawl.sqlite"

    @Option(help: "Requests in flight at once, over all hosts.")
    var concurrency = 64

    @Option(name: .customLong("per-host"), help: "Requests in flight at once per host.")
    var perHost = 4

    @Option(name: .customLong("allow-host"), help: ArgumentHelp("Also crawl this host (repeatable, or comma-separated). The seeds' hosts are always allowed.", valueName: "host"))
    var allowHosts: [String] = []

    @Option(name: .customLong("max-depth"), help: "Do not follow links deeper than this (seeds are depth 0).")
    var maxDepth: Int?

    @Option(name: .customLong("max-pages"), help: "Stop after this many pages.")
    var maxPages: Int?

    @Option(name: .customLong("max-body"), help: ArgumentHelp("Largest decoded body; a larger page is cut off and recorded as too large.", valueName: "size"))
    var maxBody = ByteCount(bytes: 10 << 20)

    @Option(name: .customLong("user-agent"), help: ArgumentHelp("The User-Agent header.", valueName: "text"))
    var userAgent = TrawlCore.TrawlVersion.defaultUserAgent

    @Option(help: ArgumentHelp("Seconds allowed for one request, start to end.", valueName: "seconds"))
    var timeout: Double = 60

    @Option(name: .customLong("connect-timeout"), help: ArgumentHelp("Seconds allowed to connect.", valueName: "seconds"))
    var connectTimeout: Double = 10

    @Option(name: .customLong("cacert"), help: ArgumentHelp("Trust the certificate authorities in this PEM file instead of the system's.", valueName: "file"))
    var caCertificates: String?

    @OptionGroup(title: "Scope")
    var scope: ScopeOptions

    @OptionGroup(title: "Politeness")
    var politeness: PolitenessOptions

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @OptionGroup(title: "Sitemaps")
    var sitemapOptions: SitemapOptions

    @OptionGroup(title: "Cache")
    var cacheOptions: CacheOptions

    @OptionGroup(title: "Command processor")
    var commandProcessor: CommandProcessorOptions

    @OptionGroup(title: "Content") var content: ContentCommandOptions

    @OptionGroup(title: "Config file")
    var config: ConfigOptions

    @OptionGroup(title: "Job (resume)")
    var job: JobOptions

    @Flag(name: [.short, .long], help: "No progress line and no summary.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Log every page at debug level on stderr.")
    var verbose = false

    func validate() throws {
        for (name, value) in [("--timeout", timeout), ("--connect-timeout", connectTimeout)] where !(value > 0) {
            throw ValidationError("\(name) must be a positive number of seconds")
        }
        guard !userAgent.contains(where: \.isNewline) else {
            throw ValidationError("--user-agent must be one line")
        }
        if let caCertificates, !FileManager.default.isReadableFile(atPath: caCertificates) {
            throw ValidationError("cannot read --cacert file '\(caCertificates)'")
        }
    }

    /// Crawls with the options as parsed; `rules` come from a config file (see `run()`), and
    /// `arguments` is the effective command line (the file's settings in front), which the job
    /// compares on resume.
    func crawl(rules: [CrawlRule], rulesText: String?, arguments: [String]) async throws {
        let logger = CommandLogging.bootstrap(verbose: verbose)
        // Everything the user typed is checked here, before the network or the cache is touched.
        let (extractionSpecs, builtIns) = try extraction.makeProcessors(carry: carryOptions, links: linkOptions)
        let processors = RuleProcessor.combining(
            rules: rules.map { $0.using(content.extractor) }, builtIns: builtIns, nullMissing: extraction.nullMissing)
            + (content.makeProcessor().map { [$0] } ?? [])
        let seedURLs = try SeedList.collect(arguments: seeds, file: seedsFile, glob: !noGlob)
        var configuration = CrawlConfiguration(
            seeds: seedURLs + sitemapOptions.sitemaps,
            allowedHosts: allowHosts.flatMap { $0.split(separator: ",").map(String.init) },
            limits: FrontierLimits(
                concurrency: concurrency, perHost: perHost, maxDepth: maxDepth, maxPages: maxPages),
            politeness: politeness.policy,
            robotsAgent: politeness.robotsAgent ?? RobotsAgent.productToken(fromUserAgent: userAgent))
        configuration.allowedDomains = scope.domains
        configuration.linkFilters = scope.filters
        configuration.seedRobotsSitemaps = sitemapOptions.robotsSitemaps
        configuration.cachePolicy = try cacheOptions.policy()
        configuration.userAgent = userAgent
        do { _ = try configuration.validated() } catch { throw ValidationError(error.message) }

        var fetchConfiguration = FetchConfiguration()
        fetchConfiguration.userAgent = userAgent
        fetchConfiguration.maxBodyBytes = maxBody.bytes
        fetchConfiguration.totalTimeout = timeout
        fetchConfiguration.connectTimeout = connectTimeout
        fetchConfiguration.maxConcurrentTransfers = concurrency
        fetchConfiguration.caCertificatesPath = caCertificates

        let store: SQLiteCrawlStore
        do { store = try SQLiteCrawlStore(path: Self.databasePath(for: cache), batchSize: 4_096, logger: logger) } catch {
            throw ValidationError(error.description)
        }
        let fieldNames = CrawlConfigFile.fieldNames(rules: rules, then: extractionSpecs.map(\.name) + content.fieldNames)
        let sink: any ItemSink
        let durable: DurableJob
        do {
            let jobStore: any JobStore = store
            let seedEntries = try JobSetup.seedEntries(configuration)
            let settings = JobSettings(
                seeds: seedEntries.map(\.url),
                values: JobFingerprint.values(arguments: arguments, configRules: rulesText))
            let start = try await JobSetup.prepare(
                store: jobStore, settings: settings, seeds: seedEntries, options: job, cachePath: store.path)
            let opened = try await JobOutput.open(
                path: output.path, format: output.format.flatMap(OutputFormat.init(name:)), fieldNames: fieldNames,
                store: jobStore, start: start)
            if let note = opened.note, !quiet { FileHandle.standardError.write(Data("trawl: \(note)\n".utf8)) }
            if start == .finished {
                try await opened.sink.close()
                let counts = try await jobStore.jobCounts()
                try await store.close()
                if !quiet {
                    FileHandle.standardError.write(Data(JobReport.finishedLine(counts: counts, cache: store.path).utf8))
                }
                return
            }
            sink = try content.wrap(opened.sink)
            let run = try await jobStore.startRun(at: Date())
            durable = DurableJob(store: jobStore, resume: start == .resume, nextItemSequence: opened.nextSequence, run: run)
        }
        let fetcher: CurlFetcher
        do { fetcher = try CurlFetcher(configuration: fetchConfiguration, logger: logger) } catch {
            throw CrawlFailure(message: "\(error)")
        }
        defer { fetcher.shutdown() }
        let command = try commandProcessor.makeProcessor(logger: logger)

        let crawler: Crawler
        do {
            crawler = try Crawler(
                configuration: configuration, fetcher: fetcher, store: store,
                processors: processors.map { $0 as any AsyncProcessor } + (command.map { [$0] } ?? []),
                sink: sink, logger: logger, durable: durable)
        } catch { throw ValidationError(error.message) }

        let resumeCommand = JobReport.resumeCommand(CommandLine.arguments)
        let quiet = self.quiet
        let interrupts = InterruptHandler(
            grace: job.grace, onFirstInterrupt: { await crawler.stop() },
            onGraceExpired: { code in
                // Requests still in flight are abandoned: they are queued again on resume.
                try? await store.flush()
                try? await sink.close()
                if !quiet {
                    FileHandle.standardError.write(Data(JobReport.graceExpiredLine(resume: resumeCommand).utf8))
                }
                Foundation.exit(code)
            })
        let display = ProgressDisplay(crawler: crawler, enabled: !quiet && isatty(STDERR_FILENO) == 1)
        display.start()
        let summary: CrawlSummary
        do {
            summary = try await crawler.run()
        } catch {
            await display.stop()
            await command?.shutdown()
            throw CrawlFailure(message: "crawl stopped: \(error)")
        }
        await display.stop()
        await command?.shutdown()
        if !quiet {
            FileHandle.standardError.write(Data(SummaryReport(summary: summary, output: output.path).text.utf8))
        }
        if interrupts.wasInterrupted {
            if !quiet {
                FileHandle.standardError.write(Data(JobReport.resumeLine(resumeCommand).utf8))
            }
            throw ExitCode(interrupts.exitCode)
        }
    }

    /// `path`, or `path/trawl.sqlite` when `path` is a folder or ends with a slash.
    static func databasePath(for path: String) -> String {
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            return (path.hasSuffix("/") ? path : path + "/") + "trawl.sqlite"
        }
        return path
    }
}
