import ArgumentParser
import TrawlCore

/// The `crawl` option that builds one item from several pages: fields carried along `--follow`.
struct CarryOptions: ParsableArguments {
    @Option(name: .customLong("carry"), help: ArgumentHelp(
        "Carry this JSONPath --extract field into the pages --follow leads to; a JSON page that follows links then writes no item of its own, the followed page's item starts with the carried fields (repeatable, or comma-separated).",
        valueName: "name"))
    var carry: [String] = []

    /// The carried field names, checked against the crawl's other options.
    ///
    /// Each must name a JSONPath `--extract` (HTML pages do not carry), and carrying needs
    /// `--follow` (nothing else leads anywhere) and excludes `--each` (an item per match has no
    /// single set of fields to hand on).
    func names(extractions: [ExtractionSpec], hasFollow: Bool, hasEach: Bool) throws(ValidationError) -> [String] {
        let names = carry.flatMap { $0.split(separator: ",").map { String($0).trimmingWhitespace() } }
        guard !names.isEmpty else { return [] }
        guard hasFollow else {
            throw ValidationError("--carry needs --follow: fields are carried into the pages --follow leads to")
        }
        guard !hasEach else { throw ValidationError("--carry cannot be combined with --each") }
        for name in names {
            guard let spec = extractions.first(where: { $0.name == name }) else {
                throw ValidationError("invalid --carry '\(name)': no --extract field has that name")
            }
            guard !spec.isHTML else {
                throw ValidationError("invalid --carry '\(name)': only JSONPath fields can be carried")
            }
        }
        return names
    }
}
