import TrawlCore
import TrawlHTMLProcessor
import TrawlURL

/// Follows only the links a rule's `follow` selectors pick out of an HTML page (such as
/// `css:a.more::attr(href)`), resolved against the page URL; http(s) only.
///
/// Threading: immutable, safe from many tasks at once.
struct HTMLLinkSelector: Processor {
    private let extractor: HTMLProcessor

    init(expressions: [HTMLExpression]) {
        let fields = expressions.enumerated().map { position, expression in
            HTMLField(name: "follow\(position)", expression: expression, options: FieldOptions(all: true))
        }
        extractor = HTMLProcessor(fields: fields, followLinks: false)
    }

    var name: String { "html-follow" }

    func process(_ page: Page) throws -> ProcessorOutput {
        let found = try extractor.process(page)
        guard !found.fields.isEmpty, let base = try? WebURL(page.url) else { return .empty }
        var links: [WebURL] = []
        for field in found.fields {
            guard case .array(let values) = field.value else { continue }
            for case .string(let reference) in values {
                if let link = try? base.resolving(reference), link.isHTTP { links.append(link) }
            }
        }
        return ProcessorOutput(links: links)
    }
}
