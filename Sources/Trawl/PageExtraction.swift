import TrawlCore
import TrawlURL

/// What every processor found in one 2xx page, merged in processor order: the items to write
/// (the page's own item first), the links, and what to count.
///
/// The one place the processors' outputs become items, shared by the crawl and by runs over
/// the cache (``CachedPageExtractor``), so both write the same items for the same page.
struct PageExtraction: Sendable {
    /// The page's item (when any processor gave fields), then the processors' own items.
    var items: [Item] = []
    var links: [WebURL] = []
    /// Links that carry fields into the pages they lead to (`--carry`).
    var carriedLinks: [CarryingLink] = []
    /// Values that did not convert, with the name of the processor that reported each.
    var warnings: [(processor: String, warning: String)] = []
    var notes: [String: Int] = [:]
    /// Set when a processor threw: the page failed and nothing of it is written.
    var failure: FailureReason?

    /// Runs `processors` over `page` one after the other; the first that throws fails the page.
    ///
    /// `carried` are the fields the page's task brought from the page that linked to it: they
    /// lead the page's item and each of the processors' items (`each` matches). A page that
    /// carries its own fields on (it returned carrying links) writes no item of its own: the
    /// followed pages write it.
    static func run(_ page: Page, processors: [any AsyncProcessor], carried: [Field] = []) async -> PageExtraction {
        var extraction = PageExtraction()
        var fields: [Field] = []
        for processor in processors {
            do {
                let output = try await processor.process(page)
                fields += output.fields
                extraction.items += output.items
                extraction.links += output.links
                extraction.carriedLinks += output.carriedLinks
                extraction.warnings += output.warnings.map { (processor.name, $0) }
                extraction.notes.merge(output.notes, uniquingKeysWith: +)
            } catch {
                return PageExtraction(failure: FailureReason(.processing, "\(processor.name): \(error)"))
            }
        }
        if !carried.isEmpty, !extraction.items.isEmpty {
            // Every item the page writes (one per `each` match, say) starts with what it was
            // carried, and those items stand for the page: no item of carried fields alone.
            extraction.items = extraction.items.map {
                Item(url: $0.url, fields: CrawlPipeline.itemFields(carried: carried, own: $0.fields))
            }
            if fields.isEmpty { return extraction }
        }
        if extraction.carriedLinks.isEmpty {
            let itemFields = CrawlPipeline.itemFields(carried: carried, own: fields)
            if !itemFields.isEmpty { extraction.items.insert(Item(url: page.url, fields: itemFields), at: 0) }
        }
        return extraction
    }
}
