import TrawlCore

/// Hands each page to the processors of the first rule that matches it.
///
/// Built once before the crawl from the config file's rules, followed by the command line's
/// `--extract`/`--each`/`--follow` as a last rule that matches every page (so a page no file
/// rule matches is treated as without a config file: links followed, command-line fields
/// extracted). A page that matches no rule at all gives ``ProcessorOutput/empty``.
///
/// Threading: immutable; pages are processed concurrently from many tasks.
struct RuleProcessor: Processor {
    private let rules: [(rule: CrawlRule, processors: [any Processor])]

    init(rules: [CrawlRule], fallback: [any Processor], nullMissing: Bool) {
        self.rules = rules.map { ($0, $0.processors(nullMissing: nullMissing)) } + [(CrawlRule(), fallback)]
    }

    var name: String { "rules" }

    func process(_ page: Page) throws -> ProcessorOutput {
        guard let match = rules.first(where: { $0.rule.matches(page) }) else { return .empty }
        var output = ProcessorOutput()
        for processor in match.processors {
            let part = try processor.process(page)
            output.fields += part.fields
            output.items += part.items
            output.links += part.links
            output.carriedLinks += part.carriedLinks
            output.warnings += part.warnings
            output.notes.merge(part.notes, uniquingKeysWith: +)
        }
        return output
    }

    /// `builtIns` with its HTML and JSON processors (the command line's rule) replaced by one
    /// rule processor over `rules`; others, such as the sitemap processor, stay as they are.
    static func combining(rules: [CrawlRule], builtIns: [any Processor], nullMissing: Bool) -> [any Processor] {
        guard !rules.isEmpty else { return builtIns }
        let extractors = builtIns.filter { $0.name == "html" || $0.name == "json" }
        let others = builtIns.filter { $0.name != "html" && $0.name != "json" }
        return [RuleProcessor(rules: rules, fallback: extractors, nullMissing: nullMissing)] + others
    }
}
