import TrawlCore
import TrawlFrontier
import TrawlURL

extension CrawlPipeline {
    /// The fields of a page's item: the fields it was carried, in order, then its own.
    ///
    /// A carried field wins over the page's own field of the same name. Every `--extract` runs
    /// on every page, so a followed page often has a field of the same name that means something
    /// else (a species' `id` and `name` beside the Pokémon's); the item is the page's that
    /// carried them, and the followed page fills in what that page did not have.
    static func itemFields(carried: [Field], own: [Field]) -> [Field] {
        guard !carried.isEmpty else { return own }
        let names = Set(carried.map(\.name))
        return carried + own.filter { !names.contains($0.name) }
    }

    /// Canonical, admitted, de-duplicated tasks for a page's links; the others are counted by
    /// reason.
    ///
    /// Carrying links come first and take `carried` (the fields the page was itself carried)
    /// ahead of their own, so fields pass down a chain of pages; a URL that is both a carrying
    /// and a plain link of the page keeps its fields.
    func tasks(for links: [WebURL], carriedLinks: [CarryingLink] = [], carried: [Field] = [], depth: Int) -> [CrawlTask] {
        var seen: Set<String> = []
        var tasks: [CrawlTask] = []
        var drops = LinkDropCounts()
        let all = carriedLinks.map { ($0.url, Self.itemFields(carried: carried, own: $0.fields)) } + links.map { ($0, [Field]()) }
        for (url, fields) in all {
            switch rules.admit(url) {
            case .admit(let canonical, let hostKey):
                if seen.insert(canonical).inserted {
                    tasks.append(CrawlTask(url: canonical, hostKey: hostKey, depth: depth, carried: fields))
                }
            case .drop(let reason):
                drops.record(reason)
            }
        }
        if !drops.isEmpty {
            statistics.update { stats in
                stats.droppedLinks.merge(drops)
            }
        }
        return tasks
    }
}
