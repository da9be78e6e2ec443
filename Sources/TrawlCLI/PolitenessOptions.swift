import ArgumentParser
import TrawlFrontier

/// The `crawl` options that decide how politely each host is treated.
///
/// The defaults are what a site owner expects of a well-behaved crawler: robots.txt obeyed with
/// its Crawl-delay, a host that pushes back slowed down, transient errors retried a few times
/// with growing, jittered waits.
struct PolitenessOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds between the starts of two requests to the same host.", valueName: "seconds"))
    var delay: Double = 0

    @Flag(name: .customLong("ignore-robots"), help: "Do not fetch or obey robots.txt (the summary says so).")
    var ignoreRobots = false

    @Option(name: .customLong("robots-agent"), help: ArgumentHelp("The product token matched against robots.txt User-agent lines (default: the first word of --user-agent).", valueName: "token"))
    var robotsAgent: String?

    @Option(name: .customLong("max-crawl-delay"), help: ArgumentHelp("The longest robots.txt Crawl-delay obeyed.", valueName: "seconds"))
    var maxCrawlDelay: Double = 30

    @Flag(name: .customLong("ignore-crawl-delay"), help: "Ignore robots.txt Crawl-delay lines.")
    var ignoreCrawlDelay = false

    @Flag(name: .customLong("no-adapt"), help: "Do not slow a host down on 429, 503 or rising response times.")
    var noAdapt = false

    @Option(help: "Retries of a transient failure (timeouts, resets, DNS, 408, 429, 500, 502, 503, 504).")
    var retries = 3

    @Option(name: .customLong("retry-base"), help: ArgumentHelp("The first retry waits up to this long; each further retry doubles it (full jitter).", valueName: "seconds"))
    var retryBase: Double = 1

    @Option(name: .customLong("max-retry-after"), help: ArgumentHelp("The longest Retry-After obeyed; a longer one fails the page as retry-after-too-long.", valueName: "seconds"))
    var maxRetryAfter: Double = 600

    @Option(name: .customLong("max-pages-per-host"), help: "Hand out at most this many pages per host.")
    var maxPagesPerHost: Int?

    /// The scheduler policy these options describe (validated with the crawl configuration).
    var policy: SchedulerPolicy {
        SchedulerPolicy(
            delay: delay, obeyRobots: !ignoreRobots, obeyCrawlDelay: !ignoreCrawlDelay,
            maxCrawlDelay: maxCrawlDelay, adaptive: !noAdapt, maxPagesPerHost: maxPagesPerHost,
            retry: RetryPolicy(maxRetries: retries, base: retryBase, maxRetryAfter: maxRetryAfter))
    }
}
