import TrawlCore
import TrawlURL
import TrawlXML

extension HTMLProcessor {
    /// The page's output when it carries fields along its links (see the type's Carry rule):
    /// carrying links instead of the page's fields, or with ``each`` instead of the items of
    /// the matches that have links inside them.
    ///
    /// `pageLinks` are the page's links as ``links`` selects them from the document. A match's
    /// own links are found relative to it (so `./a/@href` works); with ``HTMLLinkRule/within``
    /// they count only when they are among `pageLinks`, so the scope narrows them too.
    func extractCarrying(
        from document: HTMLDocument, url: String, pageLinks: [WebURL], into output: inout ProcessorOutput
    ) throws(XMLError) {
        guard let each else {
            var warnings: [String] = []
            var fields: [Field] = []
            for field in self.fields where links.carry.contains(field.name) {
                append(field, try document.evaluate(field.expression.absolute), to: &fields, warnings: &warnings)
            }
            let carried = Self.carriedValues(fields)
            output.carriedLinks = pageLinks.map { CarryingLink(url: $0, fields: carried) }
            output.warnings = warnings
            return
        }
        let allowed: Set<WebURL>? = links.select == nil && !links.within.isEmpty ? Set(pageLinks) : nil
        let base: String?? = .some(document.linkReferences().base)
        var carriedURLs: Set<WebURL> = []
        for (index, node) in try document.nodes(matching: each.absolute).enumerated() {
            var item: [Field] = [Field(name: Item.indexFieldName, value: .number(String(index)))]
            var itemWarnings: [String] = []
            for field in fields {
                append(field, try document.evaluate(field.expression.relative, relativeTo: node), to: &item, warnings: &itemWarnings)
            }
            output.warnings += itemWarnings.map { "item \(index): \($0)" }
            let found = try Self.links(in: document, pageURL: url, rule: links, relativeTo: node, base: base)
                .filter { allowed?.contains($0) ?? true }
            guard !found.isEmpty else {
                output.items.append(Item(url: url, fields: item))
                continue
            }
            let carried = Self.carriedValues(item.filter { links.carry.contains($0.name) })
            output.carriedLinks += found.map { CarryingLink(url: $0, fields: carried) }
            carriedURLs.formUnion(found)
        }
        output.links = pageLinks.filter { !carriedURLs.contains($0) }
    }

    /// The fields worth carrying: one that is `null` or an empty array (no match) is left out,
    /// because a carried field wins over the followed page's own, and that page may fill it.
    static func carriedValues(_ fields: [Field]) -> [Field] {
        fields.filter { $0.value != .null && $0.value != .array([]) }
    }
}
