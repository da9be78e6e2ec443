import TrawlXML

extension MarkdownRenderer {
    /// Renders the children of `node` into the paragraph `line`.
    func appendChildrenInline(of node: HTMLNode, to line: inout InlineText) {
        for child in node.children {
            switch child.kind {
            case .text:
                child.withTextBytes { line.appendText($0) }
            case .element:
                if excluded.contains(child) { continue }
                let tag = child.tagName
                if HTMLTags.skipped.contains(tag) { continue }
                if HTMLTags.inline.contains(tag) {
                    appendInline(child, tag: tag, to: &line)
                } else {
                    // A block inside inline content (a `<div>` in a link): its text, set apart.
                    line.space()
                    appendChildrenInline(of: child, to: &line)
                    line.space()
                }
            case .comment, .other:
                continue
            }
        }
    }

    /// Renders one inline element into `line`.
    func appendInline(_ node: HTMLNode, tag: String, to line: inout InlineText) {
        switch tag {
        case "br": line.lineBreak()
        case "wbr": return
        case "b", "strong": appendEmphasis(node, marker: "**", depth: \.strongDepth, to: &line)
        case "i", "em", "cite", "dfn", "var": appendEmphasis(node, marker: "*", depth: \.emphasisDepth, to: &line)
        case "s", "strike", "del": appendEmphasis(node, marker: "~~", depth: \.strikeDepth, to: &line)
        case "code", "kbd", "samp", "tt": appendCode(node, to: &line)
        case "a": appendLink(node, to: &line)
        case "img": appendImage(node, to: &line)
        case "sub", "sup", "rt", "rp":
            appendChildrenInline(of: node, to: &line)
        default:
            appendChildrenInline(of: node, to: &line)
        }
    }

    /// `**…**`, `*…*` or `~~…~~` around the element's content, unless already inside one.
    private func appendEmphasis(
        _ node: HTMLNode, marker: String, depth: ReferenceWritableKeyPath<MarkdownRenderer, Int>,
        to line: inout InlineText
    ) {
        if plain || self[keyPath: depth] > 0 {
            appendChildrenInline(of: node, to: &line)
            return
        }
        self[keyPath: depth] += 1
        var inner = newInline()
        appendChildrenInline(of: node, to: &inner)
        self[keyPath: depth] -= 1
        var bytes = inner.finish()
        // Markers must touch the content: a trailing break moves outside.
        while let last = bytes.last, last == 0x5C || last == 0x20 { bytes.removeLast() }
        inner.bytes = bytes
        line.appendSpan(inner, open: marker, close: marker)
    }

    /// Inline code: the text as is (whitespace collapsed), in a backtick fence longer than any
    /// run of backticks inside.
    private func appendCode(_ node: HTMLNode, to line: inout InlineText) {
        var raw = InlineText(escaping: false)
        appendRawText(of: node, to: &raw)
        let startsWithSpace = raw.leadingSpace
        let endsWithSpace = raw.pendingSpace
        let code = raw.finish()
        if startsWithSpace { line.space() }
        defer { if endsWithSpace { line.space() } }
        guard !code.isEmpty else { return }
        if plain {
            line.flushSpace()
            line.bytes += code
            return
        }
        var longest = 0
        var run = 0
        for byte in code {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = [UInt8](repeating: UInt8(ascii: "`"), count: longest + 1)
        let pad = code.first == UInt8(ascii: "`") || code.last == UInt8(ascii: "`")
        line.flushSpace()
        line.bytes += fence
        if pad { line.bytes.append(0x20) }
        // A `|` inside a table cell ends the cell even in code: GFM allows `\|` there.
        if tableDepth > 0 {
            for byte in code {
                if byte == UInt8(ascii: "|") { line.bytes.append(0x5C) }
                line.bytes.append(byte)
            }
        } else {
            line.bytes += code
        }
        if pad { line.bytes.append(0x20) }
        line.bytes += fence
    }

    /// The text of `node`'s descendants, unescaped, with `<br>` as a space.
    func appendRawText(of node: HTMLNode, to line: inout InlineText) {
        for child in node.children {
            switch child.kind {
            case .text: child.withTextBytes { line.appendText($0) }
            case .element:
                if child.isElement(named: "br") { line.space() } else { appendRawText(of: child, to: &line) }
            default: continue
            }
        }
    }

    /// `[text](url)`, the text only, or nothing, by ``ContentOptions/links``.
    private func appendLink(_ node: HTMLNode, to line: inout InlineText) {
        if options.links == .drop { return }
        let target = options.links == .keep && !plain ? node.attribute("href").flatMap(resolve) : nil
        guard let target else {
            appendChildrenInline(of: node, to: &line)
            return
        }
        var inner = newInline()
        appendChildrenInline(of: node, to: &inner)
        let leading = inner.leadingSpace
        let trailing = inner.pendingSpace
        inner.bytes = Self.joiningLines(inner.finish(), escaped: true)
        guard !inner.bytes.isEmpty else {
            if leading || trailing { line.space() }
            return
        }
        inner.leadingSpace = leading
        inner.pendingSpace = trailing
        line.appendSpan(inner, open: "[", close: "](" + target + ")")
    }

    /// `![alt](url)` for an image with a usable source, when images are wanted.
    private func appendImage(_ node: HTMLNode, to line: inout InlineText) {
        guard options.images, !plain else { return }
        let sources = [node.attribute("src"), node.attribute("data-src"), node.attribute("srcset").map(Self.firstCandidate)]
        guard let source = sources.lazy.compactMap({ $0 }).first(where: { !$0.isEmpty && !$0.hasPrefix("data:") }),
            let target = resolve(source)
        else { return }
        var alt = InlineText(escaping: true, inTable: tableDepth > 0)
        alt.appendText(node.attribute("alt") ?? "")
        line.flushSpace()
        line.bytes += Array("![".utf8) + alt.finish() + Array("](".utf8) + Array(target.utf8) + [UInt8(ascii: ")")]
    }

    /// The first URL of a `srcset` (`a.jpg 1x, b.jpg 2x`).
    private static func firstCandidate(_ srcset: String) -> String {
        let first = srcset.split(separator: ",").first ?? ""
        return String(first.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first ?? "")
    }
}
