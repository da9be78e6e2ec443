import TrawlXML

extension MarkdownRenderer {
    /// One cell of a table, as found.
    private struct Cell {
        var node: HTMLNode
        var columnSpan: Int
        var rowSpan: Int
    }

    /// A table: a GFM table when every cell holds inline content only (column and row spans
    /// are spread over empty cells); otherwise, for nested tables, lists or code in cells,
    /// each cell's blocks in reading order. The caption comes first, as a paragraph.
    func appendTable(_ node: HTMLNode, to blocks: inout [MarkdownBlock]) {
        var rows: [[Cell]] = []
        var captions: [HTMLNode] = []
        collectRows(node, into: &rows, captions: &captions)
        for caption in captions { blocks += self.blocks(ofChildrenOf: caption) }
        guard !rows.isEmpty else { return }
        let width = rows.map { $0.reduce(0) { $0 + $1.columnSpan } }.max() ?? 0
        let isLayout = width < 2 || rows.count < 2 || rows.contains { row in row.contains { Self.hasBlockContent($0.node) } }
        if isLayout {
            for row in rows {
                for cell in row { blocks += self.blocks(ofChildrenOf: cell.node) }
            }
            return
        }
        let grid = spread(rows, width: width)
        var out: [UInt8] = []
        if plain {
            for (index, row) in grid.enumerated() {
                if index > 0 { out.append(0x0A) }
                out += Self.joinCells(row.filter { !$0.isEmpty }, separator: Array(" | ".utf8))
            }
            blocks.append(MarkdownBlock(bytes: out))
            return
        }
        // GFM needs a header row: the `<thead>` or first row, which in data tables names the columns.
        out += Self.row(grid[0])
        out.append(0x0A)
        out += Self.row([[UInt8]](repeating: Array("---".utf8), count: width))
        for row in grid.dropFirst() {
            out.append(0x0A)
            out += Self.row(row)
        }
        blocks.append(MarkdownBlock(bytes: out))
    }

    /// Rows in order from the table's own sections (not from nested tables).
    private func collectRows(_ node: HTMLNode, into rows: inout [[Cell]], captions: inout [HTMLNode]) {
        for child in node.children where child.kind == .element && !excluded.contains(child) {
            switch child.tagName {
            case "caption": captions.append(child)
            case "thead", "tbody", "tfoot": collectRows(child, into: &rows, captions: &captions)
            case "tr":
                var row: [Cell] = []
                for cell in child.children where cell.kind == .element && !excluded.contains(cell) {
                    guard cell.isElement(named: "th") || cell.isElement(named: "td") else { continue }
                    row.append(Cell(
                        node: cell,
                        columnSpan: Self.span(cell.attribute("colspan")), rowSpan: Self.span(cell.attribute("rowspan"))))
                }
                if !row.isEmpty { rows.append(row) }
            default: continue
            }
        }
    }

    /// The rows rendered as a rectangular grid of inline cell texts; spans fill empty cells.
    private func spread(_ rows: [[Cell]], width: Int) -> [[[UInt8]]] {
        var grid: [[[UInt8]]] = []
        var carried = [Int](repeating: 0, count: width)  // rows a rowspan still covers, per column
        tableDepth += 1
        defer { tableDepth -= 1 }
        for row in rows {
            var out: [[UInt8]] = []
            var column = 0
            var cells = row[...]
            while column < width {
                if carried[column] > 0 {
                    carried[column] -= 1
                    out.append([])
                    column += 1
                    continue
                }
                guard let cell = cells.popFirst() else {
                    out.append([])
                    column += 1
                    continue
                }
                var line = newInline()
                appendChildrenInline(of: cell.node, to: &line)
                out.append(Self.joiningLines(line.finish(), escaped: !plain))
                for offset in 0..<cell.columnSpan where column + offset < width {
                    if offset > 0 { out.append([]) }
                    carried[column + offset] = min(cell.rowSpan, 1000) - 1
                }
                column += cell.columnSpan
            }
            grid.append(Array(out.prefix(width)))
        }
        return grid
    }

    /// Whether a cell holds something a GFM cell cannot: a table, list, code block or quote.
    private static func hasBlockContent(_ node: HTMLNode) -> Bool {
        for child in node.children where child.kind == .element {
            switch child.tagName {
            case "table", "ul", "ol", "pre", "blockquote", "dl", "h1", "h2", "h3", "h4", "h5", "h6": return true
            default: if hasBlockContent(child) { return true }
            }
        }
        return false
    }

    private static func span(_ value: String?) -> Int {
        guard let value, let number = Int(value.trimmingWhitespaceScalars), number > 1 else { return 1 }
        return min(number, 1000)
    }

    private static func row(_ cells: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = Array("|".utf8)
        for cell in cells {
            out.append(0x20)
            out += cell
            out += Array(" |".utf8)
        }
        return out
    }

    private static func joinCells(_ cells: [[UInt8]], separator: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, cell) in cells.enumerated() {
            if index > 0 { out += separator }
            out += cell
        }
        return out
    }
}
