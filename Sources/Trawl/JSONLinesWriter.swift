import TrawlCore

/// Writes items as JSON lines to a file (truncated when opened) or to standard output.
///
/// Lines are buffered up to 64 KiB so that a crawl of many small items costs few system calls.
/// Each line is a complete object, so an interrupted crawl leaves every written item readable.
public actor JSONLinesWriter: ItemSink {
    private var output: BufferedOutput

    /// Opens `path` for writing (creating it, and truncating it unless `append`); `-` means
    /// standard output.
    public init(path: String, append: Bool = false) throws(OutputError) {
        output = try BufferedOutput(path: path, append: append)
    }

    public func write(_ item: Item) throws {
        try output.write(item.jsonLine + "\n")
    }

    public func write(_ item: Item, jsonLine: String) throws {
        try output.write(jsonLine + "\n")
    }

    public func close() throws {
        try output.close()
    }
}
