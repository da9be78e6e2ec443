import ArgumentParser
import TrawlCore
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

    @Option(name: .customLong("follow"), help: ArgumentHelp("Follow the URLs a JSONPath selects in JSON responses (repeatable).", valueName: "jsonpath"))
    var follow: [String] = []

    /// The compiled fields (their names, in order, are the CSV header after url) and the
    /// built-in processors that extract them; every expression is checked here, before the
    /// network or the cache is touched.
    func makeProcessors(carry: CarryOptions? = nil) throws(ValidationError) -> (specs: [ExtractionSpec], processors: [any Processor]) {
        let specs = try extractions.map { argument throws(ValidationError) in try ExtractionSpec.parse(argument) }
        var names: Set<String> = []
        for spec in specs where !names.insert(spec.name).inserted {
            throw ValidationError("invalid --extract: the field name \"\(spec.name)\" is used twice")
        }
        let followQueries = try follow.map { source throws(ValidationError) -> JSONPathQuery in
            do { return try JSONPathQuery(source) } catch {
                throw ValidationError("invalid --follow '\(source)': \(error)")
            }
        }
        let carried = try carry?.names(extractions: specs, hasFollow: !follow.isEmpty, hasEach: each != nil) ?? []
        let processors = try BuiltInProcessors.make(
            extractions: specs, options: self, follow: followQueries, carry: carried)
        return (specs, processors)
    }
}
