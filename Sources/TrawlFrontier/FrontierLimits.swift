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

    public init(concurrency: Int = 64, perHost: Int = 4, maxDepth: Int? = nil, maxPages: Int? = nil) {
        self.concurrency = concurrency
        self.perHost = perHost
        self.maxDepth = maxDepth
        self.maxPages = maxPages
    }
}
