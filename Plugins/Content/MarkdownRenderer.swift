import TrawlURL
import TrawlXML

/// Writes a subtree of an HTML document as GitHub-flavoured Markdown, or as plain text.
///
/// One recursive walk: blocks (paragraphs, headings, lists, quotes, code, tables) are rendered
/// into byte buffers and joined with blank lines; inline content is collected in an
/// ``InlineText`` per paragraph. Nodes in `excluded` (boilerplate the extractor removed) are
/// skipped with their subtrees.
///
/// Not Sendable: it walks one document's nodes on the document's thread.
final class MarkdownRenderer {
    let excluded: Set<HTMLNode>
    let options: ContentOptions
    /// The URL links and images resolve against: the `<base href>` or the page.
    let base: WebURL?
    /// Plain text instead of Markdown: no markers, no escaping, no link targets or images.
    let plain: Bool
    /// How many tables enclose the current node (cells escape `|`, breaks become spaces).
    var tableDepth = 0
    /// Emphasis already open around the current node, so nested `<b><strong>` adds no markers.
    var strongDepth = 0
    var emphasisDepth = 0
    var strikeDepth = 0
    /// Resolved link targets, since pages repeat the same references.
    var resolvedURLs: [String: String?] = [:]

    init(excluded: Set<HTMLNode>, options: ContentOptions, base: WebURL?, plain: Bool) {
        self.excluded = excluded
        self.options = options
        self.base = base
        self.plain = plain
    }

    /// `nodes` (siblings, in order) rendered and joined with blank lines.
    func render(_ nodes: [HTMLNode]) -> String {
        var blocks: [MarkdownBlock] = []
        var line = newInline()
        for node in nodes { append(node, to: &blocks, line: &line) }
        flush(&line, into: &blocks)
        if options.detectsMainContent { blocks = MarkdownBlock.droppingEmptySections(blocks) }
        return String(decoding: MarkdownBlock.join(blocks), as: UTF8.self)
    }

    func newInline() -> InlineText { InlineText(escaping: !plain, inTable: tableDepth > 0) }

    /// The blocks the children of `node` make.
    func blocks(ofChildrenOf node: HTMLNode) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var line = newInline()
        for child in node.children { append(child, to: &blocks, line: &line) }
        flush(&line, into: &blocks)
        return blocks
    }

    /// Ends the current paragraph, if it has content.
    func flush(_ line: inout InlineText, into blocks: inout [MarkdownBlock]) {
        let bytes = line.finish()
        if !bytes.isEmpty { blocks.append(MarkdownBlock(bytes: bytes)) }
        line = newInline()
    }

    /// Adds `node` to the paragraph in progress or, for a block element, ends the paragraph
    /// and adds the element's blocks.
    func append(_ node: HTMLNode, to blocks: inout [MarkdownBlock], line: inout InlineText) {
        switch node.kind {
        case .text:
            node.withTextBytes { line.appendText($0) }
        case .element:
            if excluded.contains(node) { return }
            let tag = node.tagName
            if HTMLTags.skipped.contains(tag) { return }
            if HTMLTags.inline.contains(tag) {
                appendInline(node, tag: tag, to: &line)
                return
            }
            flush(&line, into: &blocks)
            appendBlock(node, tag: tag, to: &blocks)
        case .comment, .other:
            return
        }
    }

    /// Renders a block element.
    func appendBlock(_ node: HTMLNode, tag: String, to blocks: inout [MarkdownBlock]) {
        if let level = HTMLTags.headingLevels[tag] {
            var line = newInline()
            appendChildrenInline(of: node, to: &line)
            var bytes = Self.joiningLines(line.finish(), escaped: !plain)
            guard !bytes.isEmpty else { return }
            if !plain { bytes = Array(repeating: UInt8(ascii: "#"), count: level) + [0x20] + bytes }
            blocks.append(MarkdownBlock(bytes: bytes, headingLevel: level))
            return
        }
        switch tag {
        case "pre": appendCodeBlock(node, to: &blocks)
        case "ul", "ol", "menu", "dir": appendList(node, ordered: tag == "ol", to: &blocks)
        case "blockquote": appendQuote(node, to: &blocks)
        case "table": appendTable(node, to: &blocks)
        case "hr":
            if !plain { blocks.append(MarkdownBlock(bytes: Array("---".utf8))) }
        case "dt":
            var line = newInline()
            appendChildrenInline(of: node, to: &line)
            let bytes = line.finish()
            guard !bytes.isEmpty else { return }
            blocks.append(MarkdownBlock(bytes: plain ? bytes : Array("**".utf8) + bytes + Array("**".utf8)))
        default:
            blocks += self.blocks(ofChildrenOf: node)
        }
    }

    /// `bytes` on one line: each line break (with its Markdown backslash) becomes a space.
    static func joiningLines(_ bytes: [UInt8], escaped: Bool) -> [UInt8] {
        guard bytes.contains(0x0A) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte == 0x0A {
                if escaped, out.last == 0x5C { out.removeLast() }
                out.append(0x20)
            } else {
                out.append(byte)
            }
        }
        return out
    }
}

@available(*, unavailable)
extension MarkdownRenderer: Sendable {}
