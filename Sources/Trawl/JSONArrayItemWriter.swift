import TrawlCore

/// Writes items as one JSON array, one item per line, to a file (truncated when opened) or to
/// standard output.
///
/// The closing `]` is written by `close()`, which the crawler calls however the crawl ends
/// (finished, stopped by Ctrl-C, or failed), so the file is valid JSON afterwards; no items give
/// `[]`. Until then the file is an unfinished array. Buffered like `JSONLinesWriter`.
public actor JSONArrayItemWriter: ItemSink {
    private var output: BufferedOutput
    private var isEmpty = true

    /// Opens `path` for writing (creating or truncating it; `-` is standard output) and buffers the `[`.
    public init(path: String) throws(OutputError) {
        output = try BufferedOutput(path: path)
        try output.write("[")
    }

    public func write(_ item: Item) throws {
        try output.write((isEmpty ? "\n" : ",\n") + item.jsonLine)
        isEmpty = false
    }

    /// Writes the closing `]` and closes the output; a second call does nothing.
    public func close() throws {
        guard !output.isClosed else { return }
        try output.write(isEmpty ? "]\n" : "\n]\n")
        try output.close()
    }
}
