/// One block of rendered output (a paragraph, heading, list, code block, table…) as UTF-8.
struct MarkdownBlock {
    var bytes: [UInt8]
    /// A list: inside a list item it follows the item's text without a blank line.
    var isList = false
    /// A heading's level (1–6), 0 for other blocks.
    var headingLevel = 0

    /// `blocks` without headings that head nothing: one at the end, or one followed directly by
    /// a heading of the same or a higher level (its section was boilerplate and is gone).
    static func droppingEmptySections(_ blocks: [MarkdownBlock]) -> [MarkdownBlock] {
        guard blocks.contains(where: { $0.headingLevel == 0 }) else { return blocks }
        var kept: [MarkdownBlock] = []
        kept.reserveCapacity(blocks.count)
        for block in blocks.reversed() {
            if block.headingLevel > 0 {
                let next = kept.last
                if next == nil || (next?.headingLevel ?? 0 > 0 && next?.headingLevel ?? 0 <= block.headingLevel) { continue }
            }
            kept.append(block)
        }
        return kept.reversed()
    }

    /// `blocks` joined by blank lines (no blank line before a list inside an item when `tight`).
    static func join(_ blocks: [MarkdownBlock], tight: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        for (index, block) in blocks.enumerated() {
            if index > 0 {
                out.append(0x0A)
                if !(tight && block.isList) { out.append(0x0A) }
            }
            out.append(contentsOf: block.bytes)
        }
        return out
    }

    /// `bytes` with `first` before the first line and `rest` before every later non-empty line
    /// (list markers and their indentation, `> ` for quotes).
    static func prefixLines(_ bytes: [UInt8], first: [UInt8], rest: [UInt8], blankLine: [UInt8] = []) -> [UInt8] {
        var out = first
        out.reserveCapacity(bytes.count + first.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            out.append(byte)
            if byte == 0x0A {
                let nextIsBlank = index + 1 >= bytes.count || bytes[index + 1] == 0x0A
                out.append(contentsOf: nextIsBlank ? blankLine : rest)
            }
            index += 1
        }
        return out
    }
}
