import Trawl
import TrawlCore

/// An item sink that keeps items in memory for assertions.
actor CollectingItemSink: ItemSink {
    private(set) var items: [Item] = []
    private(set) var closed = false

    func write(_ item: Item) {
        items.append(item)
    }

    func close() {
        closed = true
    }

    /// Items keyed by URL; a URL written twice keeps both so tests can catch duplicates.
    var itemsByURL: [String: [Item]] {
        Dictionary(grouping: items, by: \.url)
    }
}
