import CTrawlXML2

extension HTMLDocument {
    /// The root element (`<html>`, which libxml2's HTML parser always makes), or nil for a
    /// document without elements.
    public var rootElement: HTMLNode? {
        xmlDocGetRootElement(handle.pointer).map { HTMLNode(pointer: $0, document: handle) }
    }

    /// The root element's first `<body>` child (or `<frameset>`), or nil.
    public var body: HTMLNode? { rootChild(named: "body") ?? rootChild(named: "frameset") }

    /// The root element's first `<head>` child, or nil.
    public var head: HTMLNode? { rootChild(named: "head") }

    private func rootChild(named name: StaticString) -> HTMLNode? {
        guard let root = rootElement else { return nil }
        if root.isElement(named: name) { return root }
        return root.children.first { $0.isElement(named: name) }
    }
}
