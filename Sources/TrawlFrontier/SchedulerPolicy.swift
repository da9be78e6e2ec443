/// How politely the frontier treats each host: delays, robots.txt, adaptive throttling, retries.
///
/// Plain values, validated before any fetch (see `CrawlConfiguration.validated()`), so that the
/// durable frontier can store them with the job.
public struct SchedulerPolicy: Sendable, Hashable {
    /// Seconds between the starts of two requests to one host (`--delay`).
    public var delay: Double
    /// Fetch and obey each origin's robots.txt before its first page (`--ignore-robots` clears it).
    public var obeyRobots: Bool
    /// Apply the robots.txt `Crawl-delay` of the chosen group (`--ignore-crawl-delay` clears it).
    public var obeyCrawlDelay: Bool
    /// The longest `Crawl-delay` honoured (`--max-crawl-delay`). A site asking for an hour between
    /// requests would otherwise hold the crawl for days; past the cap the cap applies.
    public var maxCrawlDelay: Double
    /// Slow a host down on 429, 503 or rising latency, and recover step by step (`--no-adapt`).
    public var adaptive: Bool
    /// Pages handed out per host at most (`--max-pages-per-host`); nil means no limit.
    public var maxPagesPerHost: Int?
    public var retry: RetryPolicy
    public var throttle: ThrottleSettings

    public init(
        delay: Double = 0, obeyRobots: Bool = true, obeyCrawlDelay: Bool = true,
        maxCrawlDelay: Double = 30, adaptive: Bool = true, maxPagesPerHost: Int? = nil,
        retry: RetryPolicy = RetryPolicy(), throttle: ThrottleSettings = ThrottleSettings()
    ) {
        self.delay = delay
        self.obeyRobots = obeyRobots
        self.obeyCrawlDelay = obeyCrawlDelay
        self.maxCrawlDelay = maxCrawlDelay
        self.adaptive = adaptive
        self.maxPagesPerHost = maxPagesPerHost
        self.retry = retry
        self.throttle = throttle
    }
}

/// The constants of the adaptive throttle; the defaults suit public web servers.
public struct ThrottleSettings: Sendable, Hashable {
    /// The adaptive delay starts here when a host first pushes back, then doubles.
    public var delayFloor: Double = 0.25
    /// The adaptive delay never exceeds this: a host that keeps failing is retried, not abandoned.
    public var delayCap: Double = 30
    /// A response slower than this multiple of the host's own baseline counts as pushback.
    public var latencyFactor: Double = 3
    /// ... and only when it is also at least this many seconds over the baseline, so that a
    /// 2 ms → 7 ms wobble on a fast host is not read as overload.
    public var latencyMargin: Double = 0.25
    /// Responses measured before the baseline is trusted.
    public var baselineSamples: Int = 8

    public init() {}
}
