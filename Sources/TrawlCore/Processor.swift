import TrawlURL

/// A response handed to processors: the end of a redirect chain, with its crawl depth.
public struct Page: Sendable {
    /// The page's final URL (after redirects), absolute.
    public var url: String
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Link distance from the nearest seed (seeds are depth 0).
    public var depth: Int

    public init(url: String, status: Int, headers: HTTPHeaders, body: [UInt8], depth: Int) {
        self.url = url
        self.status = status
        self.headers = headers
        self.body = body
        self.depth = depth
    }

    /// The parsed `Content-Type`, if the server sent one.
    public var mediaType: MediaType? { MediaType(headers["Content-Type"]) }
}

/// What a processor found in one page: fields for the page's item, more items (one per `each`
/// match, or built by the processor), links to crawl, and warnings about values that did not convert.
public struct ProcessorOutput: Sendable, Hashable {
    /// Fields for the page's item, in the order the user asked for them.
    public var fields: [Field]
    /// Whole items of their own, written after the page's item, each with the URL it carries:
    /// one per match of an `each` selector in document order, or items a processor built itself.
    /// A processor that fills these normally leaves ``fields`` empty.
    public var items: [Item]
    /// Problems with single values that did not fail the page, such as a field whose text is
    /// not a number; the engine counts and logs them.
    public var warnings: [String]
    /// http(s) URLs found in the page, already resolved against the page or its `<base href>`.
    /// Parsed once by the processor; the engine takes their canonical form and host from them,
    /// deduplicates and scope-checks them.
    public var links: [WebURL]
    /// Links that carry fields of this page into the page they lead to (see ``CarryingLink``).
    /// When any is present the page writes no item of its own: ``fields`` are ignored, and the
    /// fields the page was itself carried travel on with these links, ahead of theirs.
    public var carriedLinks: [CarryingLink]
    /// Counts of what the processor skipped or noticed, by a short label
    /// (`sitemap-entries-over-limit`); the engine sums them into
    /// ``CrawlStatistics/processorNotes`` for the summary.
    public var notes: [String: Int]

    public init(
        fields: [Field] = [], links: [WebURL] = [], items: [Item] = [], warnings: [String] = [],
        notes: [String: Int] = [:], carriedLinks: [CarryingLink] = []
    ) {
        self.fields = fields
        self.items = items
        self.links = links
        self.carriedLinks = carriedLinks
        self.warnings = warnings
        self.notes = notes
    }

    public static let empty = ProcessorOutput()
}

/// Turns a response into fields and links.
///
/// Called once per successful (2xx) page, concurrently from many tasks on every core, never on
/// the frontier actor. A processor must not block on I/O or keep per-page state; it never sees
/// the frontier or the store. It decides by itself whether a page concerns it (for example by
/// media type) and returns ``ProcessorOutput/empty`` when it does not.
///
/// Throwing marks the page failed with ``FailureReason/Code/processing`` and the crawl goes on.
///
/// Every `Processor` is also an ``AsyncProcessor``: its synchronous `process(_:)` witnesses the
/// asynchronous requirement, so the engine calls both kinds the same way.
public protocol Processor: AsyncProcessor {
    /// Extracts fields and links from `page`.
    func process(_ page: Page) throws -> ProcessorOutput
}

/// Turns a response into fields, items and links, and may suspend while doing so.
///
/// For processors that wait on something outside the process (a child process, a service):
/// called once per successful (2xx) page, from the page's worker task on the cooperative pool,
/// concurrently for many pages, never on the frontier actor. While it waits it must suspend
/// (a continuation resumed by its own thread, a `DispatchSource`, an actor) and never block:
/// the pool has one thread per core, so a blocking read there stalls every page of the crawl.
/// It never sees the frontier or the store, and returns ``ProcessorOutput/empty`` for a page
/// that does not concern it.
///
/// Throwing marks the page failed with ``FailureReason/Code/processing`` and the crawl goes on.
/// Cancellation of the calling task should end the wait with `CancellationError`.
public protocol AsyncProcessor: Sendable {
    /// A short name for logs and error messages (`html`, `json`, `command`).
    var name: String { get }

    /// Extracts fields, items and links from `page`.
    func process(_ page: Page) async throws -> ProcessorOutput
}
