/// One paragraph's inline content as UTF-8 bytes, built left to right.
///
/// Whitespace is collapsed as HTML renders it (runs become one space, none at the start, the
/// trailing one held back until more text follows), and in Markdown mode the characters
/// Markdown would read as syntax are escaped. Bytes, not `String`, so that appending is cheap.
struct InlineText {
    var bytes: [UInt8] = []
    /// A space seen and not yet written: written before the next visible content.
    var pendingSpace = false
    /// Whether the content began with whitespace (so a span's markers go after a space).
    var leadingSpace = false
    /// Whether to escape Markdown syntax in text.
    let escaping: Bool
    /// Inside a table cell: `|` is escaped too.
    let inTable: Bool

    init(escaping: Bool, inTable: Bool = false) {
        self.escaping = escaping
        self.inTable = inTable
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// Whether the next byte starts a line (where `#`, `>`, `-` and `1.` mean something).
    private var atLineStart: Bool { bytes.isEmpty || bytes.last == 0x0A }

    /// Writes the held-back space, if any, before visible content.
    mutating func flushSpace() {
        if pendingSpace && !atLineStart { bytes.append(0x20) }
        pendingSpace = false
    }

    /// Marks a space (collapsed with neighbours).
    mutating func space() {
        if bytes.isEmpty { leadingSpace = true } else { pendingSpace = true }
    }

    /// Appends text from the document, collapsing whitespace and escaping.
    mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                space()
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < count, text[index + 1] == 0xA0 {  // no-break space
                space()
                index += 2
                continue
            }
            flushSpace()
            if escaping { escape(byte, at: index, in: text) }
            bytes.append(byte)
            index += 1
        }
    }

    /// Appends `text` as document text.
    mutating func appendText(_ text: String) {
        var copy = text
        copy.withUTF8 { appendText($0) }
    }

    /// Appends Markdown syntax as is, after any held-back space.
    mutating func appendMarkup(_ markup: String) {
        flushSpace()
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends `inner` wrapped in `open` and `close` (`**`), keeping its outer whitespace
    /// outside the markers; nothing when `inner` has no content.
    mutating func appendSpan(_ inner: InlineText, open: String, close: String) {
        if inner.leadingSpace { space() }
        if !inner.bytes.isEmpty {
            flushSpace()
            bytes.append(contentsOf: open.utf8)
            bytes.append(contentsOf: inner.bytes)
            bytes.append(contentsOf: close.utf8)
        }
        if inner.pendingSpace { space() }
    }

    /// A line break (`<br>`): a backslash before the newline in Markdown, a space in tables.
    mutating func lineBreak() {
        if inTable { space(); return }
        guard !bytes.isEmpty, !atLineStart else { return }
        pendingSpace = false
        if escaping { bytes.append(0x5C) }
        bytes.append(0x0A)
    }

    /// The finished paragraph: without a trailing line break.
    mutating func finish() -> [UInt8] {
        while let last = bytes.last, last == 0x0A || last == 0x20 {
            bytes.removeLast()
            if last == 0x0A, bytes.last == 0x5C, escaping { bytes.removeLast() }
        }
        return bytes
    }

    /// Writes a backslash before `byte` when Markdown would read it as syntax here.
    private mutating func escape(_ byte: UInt8, at index: Int, in text: UnsafeBufferPointer<UInt8>) {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "~"):
            bytes.append(0x5C)
        case UInt8(ascii: "|") where inTable:
            bytes.append(0x5C)
        case UInt8(ascii: "_"):
            // Intraword underscores (snake_case) are not emphasis in GFM.
            let before = bytes.last.map(Self.isWordByte) ?? false
            let after = index + 1 < text.count && Self.isWordByte(text[index + 1])
            if !(before && after) { bytes.append(0x5C) }
        case UInt8(ascii: "<"):
            if index + 1 < text.count {
                let next = text[index + 1]
                if Self.isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                    bytes.append(0x5C)
                }
            }
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
            if atLineStart { bytes.append(0x5C) }
        case UInt8(ascii: "."), UInt8(ascii: ")"):
            // `1. ` at the start of a line would begin an ordered list.
            var start = bytes.count
            while start > 0, bytes[start - 1] >= 0x30, bytes[start - 1] <= 0x39 { start -= 1 }
            if start < bytes.count, start == 0 || bytes[start - 1] == 0x0A { bytes.append(0x5C) }
        default:
            break
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
}
