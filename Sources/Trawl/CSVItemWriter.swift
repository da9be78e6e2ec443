import TrawlCore

/// Writes items as CSV (RFC 4180) to a file (truncated when opened) or to standard output.
///
/// The columns are fixed up front: `url`, then the configured field names in order, so the
/// header is written even when no item follows. Strings are written as they are, numbers and
/// booleans as their JSON text, null or a missing field as an empty cell, arrays and objects as
/// compact JSON. A field whose name is not a column is left out. Records end with CRLF; a cell
/// holding `"`, `,`, CR or LF is quoted with its quotes doubled. Buffered like `JSONLinesWriter`.
public actor CSVItemWriter: ItemSink {
    private var output: BufferedOutput
    /// The column of each field name (`url` is column 0 and never looked up).
    private let columns: [String: Int]
    private let columnCount: Int

    /// Opens `path` for writing (creating or truncating it; `-` is standard output) and buffers the header.
    public init(path: String, fieldNames: [String]) throws(OutputError) {
        let header = [Item.urlFieldName] + fieldNames.filter { $0 != Item.urlFieldName }
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated().dropFirst() where columns[name] == nil {
            columns[name] = index
        }
        self.columns = columns
        columnCount = header.count
        output = try BufferedOutput(path: path)
        try output.write(Self.record(header))
    }

    public func write(_ item: Item) throws {
        var cells = [String](repeating: "", count: columnCount)
        cells[0] = item.url
        var filled = Set<Int>()
        for field in item.fields {
            // The first field of a name wins, as it would for a reader of the JSON line.
            guard let column = columns[field.name], filled.insert(column).inserted else { continue }
            cells[column] = Self.cellText(field.value)
        }
        try output.write(Self.record(cells))
    }

    public func close() throws {
        try output.close()
    }

    /// The text of one cell before quoting.
    static func cellText(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .string(let text): text
        default: value.jsonText
        }
    }

    /// One CSV record with its CRLF terminator.
    static func record(_ cells: [String]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            if index > 0 { line += "," }
            appendCell(cell, to: &line)
        }
        line += "\r\n"
        return line
    }

    /// Appends `cell`, quoted with its quotes doubled when it holds `"`, `,`, CR or LF.
    static func appendCell(_ cell: String, to line: inout String) {
        // Bytes, not Characters: "\r\n" is one Character and would not equal "\n".
        let needsQuotes = cell.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            line += cell
            return
        }
        line += "\""
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { line += "\"" }
            line.unicodeScalars.append(scalar)
        }
        line += "\""
    }
}
