import ArgumentParser
import Trawl

/// The `crawl` options that say where items go and in which format.
struct OutputOptions: ParsableArguments {
    @Option(
        name: [.customShort("o"), .customLong("output"), .customLong("out")],
        help: ArgumentHelp(
            "Write items to this file, or - for stdout: .csv as CSV, .json as one JSON array, anything else as JSON lines.",
            valueName: "file"))
    var path = "-"

    @Option(help: ArgumentHelp("The item format whatever the file is called: jsonl, csv or json.", valueName: "format"))
    var format: String?

    func validate() throws {
        if let format, OutputFormat(name: format) == nil {
            throw ValidationError("unknown --format '\(format)': use \(OutputFormat.namesForMessages)")
        }
    }

    /// Opens the writer; `fieldNames` are the configured field names in order (the CSV header after url).
    func makeSink(fieldNames: [String]) throws(ValidationError) -> any ItemSink {
        do {
            return try makeItemSink(path: path, format: format.flatMap(OutputFormat.init(name:)), fieldNames: fieldNames)
        } catch { throw ValidationError(error.description) }
    }
}
