import TrawlURL
import TrawlXML

/// Builds a ``SitemapDocument`` from the events of a streaming XML read.
///
/// Only `<loc>` and `<lastmod>` children of `<url>` (in a `<urlset>`) or `<sitemap>` (in a
/// `<sitemapindex>`) count, and only in the document element's own namespace: `<image:loc>`
/// and other extensions are not pages to crawl.
struct SitemapReader {
    /// The sitemaps.org namespace and the ones older generators still write.
    static let namespaces: Set<String> = [
        "http://www.sitemaps.org/schemas/sitemap/0.9",
        "https://www.sitemaps.org/schemas/sitemap/0.9",
        "http://www.google.com/schemas/sitemap/0.84",
        "http://www.google.com/schemas/sitemap/0.9",
    ]

    /// Note labels (keys of ``SitemapDocument/notes``).
    enum Note {
        static let overEntryLimit = "sitemap-entries-over-limit"
        static let invalidLocation = "sitemap-invalid-loc"
        static let truncated = "sitemap-truncated"
        static let malformed = "sitemap-malformed"
    }

    private enum Field { case location, lastModified }

    let limits: SitemapLimits
    /// Nil until the document element is read; stays nil when it is not a sitemap.
    private(set) var document: SitemapDocument?
    private var namespace: String?
    private var entryName = ""
    private var inEntry = false
    private var field: Field?
    private var location: String?
    private var lastModified: String?
    private var entryCount = 0

    init(limits: SitemapLimits) {
        self.limits = limits
    }

    /// Takes one event; returns false when reading should stop (the root is not a sitemap).
    mutating func take(_ event: XMLStreamEvent) -> Bool {
        switch event {
        case .startElement(let name, let namespace, let depth, let isEmpty):
            if document == nil { return start(root: name, namespace: namespace) }
            guard namespace == self.namespace else { return true }
            if depth == 1, name == entryName {
                inEntry = true
                location = nil
                lastModified = nil
                if isEmpty { endEntry() }
            } else if depth == 2, inEntry, !isEmpty {
                field = name == "loc" ? .location : name == "lastmod" ? .lastModified : nil
            }
        case .endElement(let name, let namespace, let depth):
            guard namespace == self.namespace else { return true }
            if depth == 2 { field = nil } else if depth == 1, inEntry, name == entryName { endEntry() }
        case .text(let text):
            switch field {
            case .location: location = (location ?? "") + text
            case .lastModified: lastModified = (lastModified ?? "") + text
            case nil: break
            }
        }
        return true
    }

    /// Notes that the body was cut at the byte limit or did not parse to the end.
    mutating func note(_ label: String) {
        document?.notes[label, default: 0] += 1
    }

    private mutating func start(root name: String, namespace: String?) -> Bool {
        guard namespace.map(Self.namespaces.contains) ?? true else { return false }
        switch name {
        case "urlset":
            document = SitemapDocument(kind: .urlSet)
            entryName = "url"
        case "sitemapindex":
            document = SitemapDocument(kind: .index)
            entryName = "sitemap"
        default:
            return false
        }
        self.namespace = namespace
        return true
    }

    private mutating func endEntry() {
        inEntry = false
        field = nil
        entryCount += 1
        guard entryCount <= limits.maxEntries else { return note(Note.overEntryLimit) }
        // The protocol requires absolute URLs, so there is nothing to resolve against.
        let text = (location ?? "").trimmingWhitespace()
        guard let url = try? WebURL(text), url.isHTTP else { return note(Note.invalidLocation) }
        let modified = lastModified?.trimmingWhitespace()
        document?.entries.append(SitemapEntry(url: url, lastModified: modified?.isEmpty == false ? modified : nil))
    }
}
