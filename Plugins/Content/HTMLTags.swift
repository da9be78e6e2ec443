/// Element names grouped by how the content extractor treats them.
enum HTMLTags {
    /// Never content: scripts, styles, embedded objects, form controls, metadata.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "frame", "frameset", "object",
        "embed", "applet", "button", "input", "select", "textarea", "option", "optgroup", "datalist", "dialog",
        "head", "title", "meta", "link", "base", "map", "area", "audio", "video", "source", "track", "math",
        "param", "progress", "meter", "output",
    ]

    /// Elements that flow inside a paragraph; everything else starts a block.
    static let inline: Set<String> = [
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
        "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp",
        "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "picture",
    ]

    /// Headings, by level.
    static let headingLevels: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    /// Elements whose text makes a paragraph for content scoring.
    static let paragraphScored: Set<String> = ["p", "pre", "td", "blockquote", "dd", "li"]

    /// Siblings of the chosen content taken in when they hold prose with few links.
    static let siblingContent: Set<String> = [
        "p", "pre", "blockquote", "section", "div", "table", "ul", "ol", "dl", "figure",
    ]

    /// Containers whose own direct text (not inside a child block) is scored as a paragraph.
    static let textContainers: Set<String> = ["div", "section", "article", "main", "center"]
}
