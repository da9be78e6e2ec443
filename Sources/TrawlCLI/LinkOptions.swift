import ArgumentParser
import TrawlCore
import TrawlHTMLProcessor

/// The `crawl` options that narrow which links are taken from pages: the command line's
/// equivalent of a rule's `links: {in: …, match: …}` (see ``LinkReader``).
struct LinkOptions: ParsableArguments {
    @Option(name: .customLong("links-in"), help: ArgumentHelp(
        "Follow only the links inside what this XPath or css:SELECTOR selects on HTML pages, such as css:nav (repeatable).",
        valueName: "selector"))
    var within: [String] = []

    @Option(name: .customLong("links-match"), help: ArgumentHelp(
        "Follow only links whose URL this regex matches (repeatable: any of them); others are not extracted.",
        valueName: "regex"))
    var patterns: [String] = []

    /// The options compiled, checked before any fetch.
    func compiled() throws(ValidationError) -> (within: [HTMLExpression], patterns: [URLRegex]) {
        var within: [HTMLExpression] = []
        for source in self.within {
            guard let expression = FieldExpression.parse(commandLine: source.trimmingWhitespace()) else {
                throw ValidationError("invalid --links-in '\(source)': \(FieldExpression.commandLineRule)")
            }
            guard case .html(let compiled) = try ExtractionSpec.Compiled.compile(expression, option: "--links-in", argument: source) else {
                throw ValidationError("invalid --links-in '\(source)': it takes XPath or CSS selectors of HTML elements")
            }
            within.append(compiled)
        }
        var patterns: [URLRegex] = []
        for pattern in self.patterns {
            do { patterns.append(try URLRegex(pattern)) } catch {
                throw ValidationError("invalid --links-match '\(pattern)': not a regular expression")
            }
        }
        return (within, patterns)
    }
}
