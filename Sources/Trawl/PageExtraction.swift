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
    /// Values that did not convert, with the name of the processor that reported each.
    var warnings: [(processor: String, warning: String)] = []
    var notes: [String: Int] = [:]
    /// Set when a processor threw: the page failed and nothing of it is written.
    var failure: FailureReason?

    /// Runs `processors` over `page` one after the other; the first that throws fails the page.
    static func run(_ page: Page, processors: [any AsyncProcessor]) async -> PageExtraction {
        var extraction = PageExtraction()
        var fields: [Field] = []
        for processor in processors {
            do {
                let output = try await processor.process(page)
                fields += output.fields
                extraction.items += output.items
                extraction.links += output.links
                extraction.warnings += output.warnings.map { (processor.name, $0) }
                extraction.notes.merge(output.notes, uniquingKeysWith: +)
            } catch {
                return PageExtraction(failure: FailureReason(.processing, "\(processor.name): \(error)"))
            }
        }
        if !fields.isEmpty { extraction.items.insert(Item(url: page.url, fields: fields), at: 0) }
        return extraction
    }
}
