/// How items are written: JSON lines, CSV, or one JSON array.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// One JSON object per line (`.jsonl`, and the default for any other path and for stdout).
    case jsonLines = "jsonl"
    /// RFC 4180 CSV with a header row (`.csv`).
    case csv
    /// One JSON array of objects (`.json`).
    case json

    /// The format a `--format` value names (`jsonl`, `csv`, `json`, any case), or nil.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// The format a path's extension implies: `.csv` is CSV, `.json` a JSON array, and anything
    /// else, including `-` for standard output, JSON lines.
    public init(path: String) {
        let fileName = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else {
            self = .jsonLines
            return
        }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        default: self = .jsonLines
        }
    }

    /// The names `--format` accepts, for messages: `jsonl, csv or json`.
    public static var namesForMessages: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}

/// Opens the item writer for `path` (`-` is standard output) in `format`, or in the format the
/// path's extension implies when `format` is nil.
///
/// `fieldNames` are the configured field names in order; CSV uses them as its header after `url`.
public func makeItemSink(path: String, format: OutputFormat? = nil, fieldNames: [String]) throws(OutputError) -> any ItemSink {
    switch format ?? OutputFormat(path: path) {
    case .jsonLines: try JSONLinesWriter(path: path)
    case .csv: try CSVItemWriter(path: path, fieldNames: fieldNames)
    case .json: try JSONArrayItemWriter(path: path)
    }
}
