import ArgumentParser
import TrawlCore
import TrawlHTMLProcessor
import TrawlJSONPath

/// The options that say what to extract, shared by `crawl` and `extract`: the fields, one item
/// per match, null for missing fields, and the JSON links to follow.
struct ExtractionOptions: ParsableArguments {
    @Option(name: .customLong("extract"), help: ArgumentHelp("Extract a field: NAME=JSONPATH, NAME=XPATH or NAME=css:SELECTOR; NAME[]=… for all matches, NAME:number=… to convert (repeatable).", valueName: "name=expr"))
    var extractions: [String] = []

    @Option(name: .customLong("each"), help: ArgumentHelp(
        "One item per match of this selector (XPath, css:SELECTOR or JSONPath), with every --extract field evaluated relative to the match.",
        valueName: "selector"))
    var each: String?

    @Flag(name: .customLong("null-missing"), help: "Write a field with no value as null instead of leaving it out.")
    var nullMissing = false

    @Option(name: .customLong("follow"), help: ArgumentHelp(
        "Follow the URLs a JSONPath selects in JSON responses, or (XPath, css:SELECTOR) only the URLs it selects in HTML responses instead of every link, such as css:a.more::attr(href) (repeatable).",
        valueName: "expr"))
    var follow: [String] = []

    /// The compiled fields (their names, in order, are the CSV header after url) and the
    /// built-in processors that extract them; every expression is checked here, before the
    /// network or the cache is touched.
    func makeProcessors(
        carry: CarryOptions? = nil, links: LinkOptions? = nil
    ) throws(ValidationError) -> (specs: [ExtractionSpec], processors: [any Processor]) {
        let specs = try extractions.map { argument throws(ValidationError) in try ExtractionSpec.parse(argument) }
        var names: Set<String> = []
        for spec in specs where !names.insert(spec.name).inserted {
            throw ValidationError("invalid --extract: the field name \"\(spec.name)\" is used twice")
        }
        var followQueries: [JSONPathQuery] = []
        var htmlFollow: [HTMLExpression] = []
        for source in follow {
            guard let expression = FieldExpression.parse(commandLine: source.trimmingWhitespace()) else {
                throw ValidationError("invalid --follow '\(source)': \(FieldExpression.commandLineRule)")
            }
            switch try ExtractionSpec.Compiled.compile(expression, option: "--follow", argument: source) {
            case .html(let compiled): htmlFollow.append(compiled)
            case .json(let compiled): followQueries.append(compiled)
            }
        }
        let jsonEach = each.flatMap { FieldExpression.parse(commandLine: $0.trimmingWhitespace()) }.map { !$0.isHTML } ?? false
        let carried = try carry?.names(
            extractions: specs, jsonFollow: !followQueries.isEmpty, htmlFollow: !htmlFollow.isEmpty, jsonEach: jsonEach) ?? []
        var narrowing: (within: [HTMLExpression], patterns: [URLRegex]) = ([], [])
        if let links { narrowing = try links.compiled() }
        if !narrowing.within.isEmpty, !htmlFollow.isEmpty {
            throw ValidationError("--links-in narrows the links of HTML pages without an XPath or CSS --follow; put the scope in the --follow selector")
        }
        let processors = try BuiltInProcessors.make(
            extractions: specs, options: self, follow: followQueries,
            links: HTMLFollow(select: htmlFollow, within: narrowing.within, patterns: narrowing.patterns), carry: carried)
        return (specs, processors)
    }
}
