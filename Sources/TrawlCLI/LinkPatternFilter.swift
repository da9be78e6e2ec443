import TrawlCore
import TrawlURL

/// Keeps only the links (carrying or not) that match one of a rule's `links: {match: …}`
/// regexes; the others are not extracted, so they are not counted as dropped either.
///
/// It wraps one processor and answers to that processor's name, so code that picks the
/// built-in processors out by name still finds it.
///
/// Threading: immutable, safe from many tasks at once.
struct LinkPatternFilter: Processor {
    let wrapped: any Processor
    let patterns: [URLRegex]

    /// `processors`, each wrapped when there are patterns; as they are otherwise.
    static func wrapping(_ processors: [any Processor], patterns: [URLRegex]) -> [any Processor] {
        guard !patterns.isEmpty else { return processors }
        return processors.map { LinkPatternFilter(wrapped: $0, patterns: patterns) }
    }

    var name: String { wrapped.name }

    func process(_ page: Page) throws -> ProcessorOutput {
        var output = try wrapped.process(page)
        output.links = output.links.filter(matches)
        output.carriedLinks = output.carriedLinks.filter { matches($0.url) }
        return output
    }

    private func matches(_ link: WebURL) -> Bool {
        let text = link.description
        return patterns.contains { $0.matches(text) }
    }
}
