/// The limits the frontier schedules under; validated before any fetch.
public struct FrontierLimits: Sendable, Hashable {
    /// Tasks in flight at once over all hosts. Without it, a wide site opens sockets without bound.
    public var concurrency: Int
    /// Tasks in flight at once per host. Without it, one host gets the whole crawl at once.
    public var perHost: Int
    /// Links deeper than this are not queued (seeds are depth 0); nil means no limit.
    public var maxDepth: Int?
    /// At most this many tasks are handed out; nil means no limit.
    public var maxPages: Int?
    /// Queued pages each host keeps in memory; the rest wait in the job store and are read back
    /// as the host's queue drains. Nil keeps every queued page in memory (a crawl without a job
    /// store). Only a durable crawl, whose store records every queued URL, may set it.
    public var queueWindow: Int?

    public init(
        concurrency: Int = 64, perHost: Int = 4, maxDepth: Int? = nil, maxPages: Int? = nil, queueWindow: Int? = nil
    ) {
        self.concurrency = concurrency
        self.perHost = perHost
        self.maxDepth = maxDepth
        self.maxPages = maxPages
        self.queueWindow = queueWindow
    }
}
