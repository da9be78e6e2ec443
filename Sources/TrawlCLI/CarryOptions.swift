import ArgumentParser
import TrawlCore

/// The `crawl` option that builds one item from several pages: fields carried along `--follow`.
struct CarryOptions: ParsableArguments {
    @Option(name: .customLong("carry"), help: ArgumentHelp(
        "Carry this --extract field into the pages --follow leads to (a JSONPath field along JSONPath --follow links, an XPath/CSS field along XPath/CSS ones); a page that carries writes no item of its own, the followed page's item starts with the carried fields (repeatable, or comma-separated).",
        valueName: "name"))
    var carry: [String] = []

    /// The carried field names, checked against the crawl's other options.
    ///
    /// Each must name an `--extract` field with `--follow` links of its kind to ride on (a
    /// JSONPath field on JSONPath `--follow`, an XPath or CSS field on XPath or CSS ones), and
    /// a JSONPath `--each` cannot carry (an item per match has no single set of fields to hand
    /// on; an XPath or CSS `--each` carries each match's fields into the links inside it).
    func names(
        extractions: [ExtractionSpec], jsonFollow: Bool, htmlFollow: Bool, jsonEach: Bool
    ) throws(ValidationError) -> [String] {
        let names = carry.flatMap { $0.split(separator: ",").map { String($0).trimmingWhitespace() } }
        guard !names.isEmpty else { return [] }
        guard jsonFollow || htmlFollow else {
            throw ValidationError("--carry needs --follow: fields are carried into the pages --follow leads to")
        }
        for name in names {
            guard let spec = extractions.first(where: { $0.name == name }) else {
                throw ValidationError("invalid --carry '\(name)': no --extract field has that name")
            }
            if spec.isHTML, !htmlFollow {
                throw ValidationError("invalid --carry '\(name)': an XPath or CSS field needs an XPath or CSS --follow to ride on")
            }
            if !spec.isHTML, !jsonFollow {
                throw ValidationError("invalid --carry '\(name)': a JSONPath field needs a JSONPath --follow to ride on")
            }
            if !spec.isHTML, jsonEach { throw ValidationError("--carry cannot be combined with a JSONPath --each") }
        }
        return names
    }
}
