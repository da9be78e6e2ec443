import TrawlCore

/// One unit of work the frontier hands out: a page to crawl, or a host's robots.txt.
///
/// Identity (`==`, hashing) is the URL, kind, host and depth; the attempt count and dispatch
/// sequence are bookkeeping the frontier updates as the task is retried, and the carried fields
/// are payload. A plain value, so a task (carried fields included) can be stored and restored.
public struct CrawlTask: Sendable, Hashable {
    /// What the task fetches.
    public enum Kind: Sendable, Hashable {
        /// A page: fetched (or served from the cache), processed, its links queued.
        case page
        /// The robots.txt of ``CrawlTask/origin``, fetched before the origin's first page.
        case robots
    }

    /// The canonical URL (absolute, no fragment): the deduplication and cache key.
    public let url: String
    /// The politeness unit: per-host limits, delays and backoff count tasks with equal `hostKey`.
    public let hostKey: String
    /// Link distance from the nearest seed; seeds are depth 0.
    public let depth: Int
    public let kind: Kind
    /// Attempts already made and failed transiently (0 on the first try).
    public internal(set) var attempt: Int = 0
    /// Set by the frontier when it hands the task out; throttle signals from tasks sent before the
    /// host was last slowed down are ignored, so that one burst of 429s halves the rate once.
    public internal(set) var sequence: Int = 0
    /// The task's place in its host's queue, increasing in the order URLs are queued (set by the
    /// ``Frontier`` when it queues the task, or restored from the job store): a host whose queue
    /// spilled to the store reads it back in this order. 0 before.
    public internal(set) var position: Int64 = 0
    /// Fields the page that discovered this URL handed on (``CarryingLink``): the page's item
    /// starts with them. They stay with the task through retries, robots.txt waits and
    /// redirects; when two pages link to the same URL, the first discovery's fields are kept,
    /// because the frontier queues a URL once.
    public var carried: [Field]

    public init(
        url: String, hostKey: String, depth: Int, kind: Kind = .page, carried: [Field] = [], position: Int64 = 0,
        attempt: Int = 0
    ) {
        self.position = position
        self.attempt = attempt
        self.url = url
        self.hostKey = hostKey
        self.depth = depth
        self.kind = kind
        self.carried = carried
    }

    /// The robots.txt task for `origin` (`scheme://host[:port]`).
    public static func robots(origin: String, hostKey: String) -> CrawlTask {
        CrawlTask(url: origin + "/robots.txt", hostKey: hostKey, depth: 0, kind: .robots)
    }

    /// `scheme://host[:port]` of ``url``: the unit robots.txt applies to (RFC 9309 §2.3).
    public var origin: String {
        let utf8 = url.utf8
        guard let schemeEnd = utf8.firstIndex(of: UInt8(ascii: ":")) else { return url }
        let authorityStart = utf8.index(schemeEnd, offsetBy: 3, limitedBy: utf8.endIndex) ?? utf8.endIndex
        let pathStart = utf8[authorityStart...].firstIndex(where: {
            $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?")
        }) ?? utf8.endIndex
        return String(url[..<pathStart])
    }

    /// The path and query of ``url`` (`/a/b?x=1`), as robots.txt rules are matched against.
    public var pathAndQuery: String {
        let rest = url.dropFirst(origin.count)
        return rest.first == "/" ? String(rest) : "/" + rest
    }

    public static func == (lhs: CrawlTask, rhs: CrawlTask) -> Bool {
        lhs.url == rhs.url && lhs.kind == rhs.kind && lhs.hostKey == rhs.hostKey && lhs.depth == rhs.depth
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(url)
        hasher.combine(kind)
    }
}
