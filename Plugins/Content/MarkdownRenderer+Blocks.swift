import TrawlXML

extension MarkdownRenderer {
    /// A list: `- ` or `N. ` before each item, its later lines indented to the item's text.
    ///
    /// Items are separated by one newline (a tight list); an item's own blocks by a blank line,
    /// except a nested list, which follows its item's text directly. Children that are not
    /// `<li>` (malformed lists) become items of their own.
    func appendList(_ node: HTMLNode, ordered: Bool, to blocks: inout [MarkdownBlock]) {
        var number = ordered ? Int(node.attribute("start")?.trimmingWhitespaceScalars ?? "") ?? 1 : 1
        var items: [[UInt8]] = []
        var loose: [MarkdownBlock] = []
        var looseLine = newInline()
        func flushLoose() {
            flush(&looseLine, into: &loose)
            if !loose.isEmpty { items.append(MarkdownBlock.join(loose, tight: true)) }
            loose = []
        }
        for child in node.children {
            if child.kind == .element, !excluded.contains(child), child.isElement(named: "li") {
                flushLoose()
                let content = MarkdownBlock.join(self.blocks(ofChildrenOf: child), tight: true)
                if !content.isEmpty { items.append(content) }
            } else {
                append(child, to: &loose, line: &looseLine)
            }
        }
        flushLoose()
        guard !items.isEmpty else { return }
        var out: [UInt8] = []
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(0x0A) }
            if plain {
                out += MarkdownBlock.prefixLines(item, first: [], rest: [])
                continue
            }
            let marker = ordered ? Array("\(number). ".utf8) : Array("- ".utf8)
            number += 1
            let indent = [UInt8](repeating: 0x20, count: marker.count)
            out += MarkdownBlock.prefixLines(item, first: marker, rest: indent)
        }
        blocks.append(MarkdownBlock(bytes: out, isList: true))
    }

    /// A block quote: its blocks with `> ` before every line.
    func appendQuote(_ node: HTMLNode, to blocks: inout [MarkdownBlock]) {
        let content = MarkdownBlock.join(self.blocks(ofChildrenOf: node))
        guard !content.isEmpty else { return }
        if plain {
            blocks.append(MarkdownBlock(bytes: content))
        } else {
            blocks.append(MarkdownBlock(bytes: MarkdownBlock.prefixLines(content, first: Array("> ".utf8), rest: Array("> ".utf8), blankLine: Array(">".utf8))))
        }
    }

    /// A fenced code block: the text exactly as written (`<br>` as a newline), the language
    /// from a `language-…` or `lang-…` class of the `<pre>` or its `<code>`.
    func appendCodeBlock(_ node: HTMLNode, to blocks: inout [MarkdownBlock]) {
        var code: [UInt8] = []
        collectPreformatted(node, into: &code)
        while let last = code.last, last == 0x0A || last == 0x20 || last == 0x09 || last == 0x0D { code.removeLast() }
        while let first = code.first, first == 0x0A || first == 0x0D { code.removeFirst() }
        guard !code.isEmpty else { return }
        if plain {
            blocks.append(MarkdownBlock(bytes: code))
            return
        }
        var longest = 0
        var run = 0
        for byte in code {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = [UInt8](repeating: UInt8(ascii: "`"), count: max(3, longest + 1))
        var out = fence + Array((Self.codeLanguage(of: node) ?? "").utf8) + [0x0A]
        out += code
        out.append(0x0A)
        out += fence
        blocks.append(MarkdownBlock(bytes: out))
    }

    private func collectPreformatted(_ node: HTMLNode, into code: inout [UInt8]) {
        for child in node.children {
            switch child.kind {
            case .text:
                child.withTextBytes { bytes in
                    for byte in bytes where byte != 0x0D { code.append(byte) }
                }
            case .element:
                if excluded.contains(child) { continue }
                if child.isElement(named: "br") {
                    code.append(0x0A)
                } else if !HTMLTags.skipped.contains(child.tagName) {
                    collectPreformatted(child, into: &code)
                }
            default: continue
            }
        }
    }

    /// The language a `<pre>` (or the `<code>` inside it) names in its class or `data-lang`.
    static func codeLanguage(of pre: HTMLNode) -> String? {
        var candidates = [pre]
        if let code = pre.children.first(where: { $0.isElement(named: "code") }) { candidates.append(code) }
        for node in candidates {
            if let lang = node.attribute("data-lang") ?? node.attribute("data-language"), let safe = safeLanguage(lang) {
                return safe
            }
            guard let classes = node.attribute("class") else { continue }
            for token in classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                for prefix in ["language-", "lang-", "highlight-source-", "highlight-"] where token.hasPrefix(prefix) {
                    if let safe = safeLanguage(String(token.dropFirst(prefix.count))) { return safe }
                }
            }
        }
        return nil
    }

    /// A language name fit for an info string: letters, digits and `+#-._`, not empty.
    private static func safeLanguage(_ name: String) -> String? {
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+#-._".unicodeScalars.contains(scalar)
        }
        return allowed && !name.isEmpty ? name.lowercased() : nil
    }
}

extension String {
    /// Without leading and trailing ASCII whitespace.
    var trimmingWhitespaceScalars: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0.value > 0x20 }),
            let end = scalars.lastIndex(where: { $0.value > 0x20 })
        else { return "" }
        return String(scalars[start...end])
    }
}
