import ArgumentParser

/// The `crawl` options that shape items beyond `--extract`: one item per match, and null for
/// missing fields.
struct ExtractionOptions: ParsableArguments {
    @Option(name: .customLong("each"), help: ArgumentHelp(
        "One item per match of this selector (XPath, css:SELECTOR or JSONPath), with every --extract field evaluated relative to the match.",
        valueName: "selector"))
    var each: String?

    @Flag(name: .customLong("null-missing"), help: "Write a field with no value as null instead of leaving it out.")
    var nullMissing = false
}
