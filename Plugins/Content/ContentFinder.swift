import TrawlXML

/// Finds a page's main content: which nodes to render, and which boilerplate to leave out.
///
/// Two walks of the body. The first measures every element's text and link text. The second
/// drops boilerplate (navigation, headers and footers, asides, forms, hidden elements, cookie
/// banners, comment and sharing sections by class or id, link-dense lists), then scores what
/// is left the way Readability does: each paragraph with enough text gives points for its
/// length and commas to its parent, half to its grandparent and a third to the next, and
/// every candidate's score is weighted by its tag and class and scaled by its link density.
/// The best candidate grows to an ancestor that adds little text (its title and byline), is
/// replaced by a declared container (`article`, `main`, `itemprop=articleBody`) around it,
/// and takes in sibling paragraphs that score well. When the result holds too little of the
/// page's text, the whole body (without the boilerplate) is the content.
///
/// Not Sendable: it walks one document on the document's thread.
struct ContentFinder {
    /// Text measures of one element.
    struct Measure {
        /// Visible characters (UTF-8 bytes, whitespace not counted).
        var text = 0
        /// Those of them inside links.
        var link = 0
        var commas = 0

        static func += (lhs: inout Measure, rhs: Measure) {
            lhs.text += rhs.text
            lhs.link += rhs.link
            lhs.commas += rhs.commas
        }

        var linkDensity: Double { text == 0 ? 0 : Double(link) / Double(text) }
    }

    /// What the finder decided.
    struct Result {
        /// The nodes to render, in document order.
        var roots: [HTMLNode]
        /// Boilerplate inside them, to skip.
        var excluded: Set<HTMLNode>
    }

    var raw: [HTMLNode: Measure] = [:]
    var kept: [HTMLNode: Measure] = [:]
    var scores: [HTMLNode: Double] = [:]
    var excluded: Set<HTMLNode> = []
    var declared: [HTMLNode] = []
    /// The first `<h1>` kept: the page's headline, wherever it sits.
    var headline: HTMLNode?
    var bodyText = 0

    /// Finds the main content under `body`.
    static func find(in body: HTMLNode) -> Result {
        var finder = ContentFinder()
        let total = finder.measure(body, inLink: false)
        finder.bodyText = total.text
        let bodyKept = finder.prune(body, inLink: false, inArticle: false)
        return finder.choose(body: body, bodyKept: bodyKept)
    }

    /// First walk: every element's measures, boilerplate included.
    private mutating func measure(_ node: HTMLNode, inLink: Bool) -> Measure {
        var total = Measure()
        for child in node.children {
            switch child.kind {
            case .text:
                total += Self.measureText(child, inLink: inLink)
            case .element:
                let tag = child.tagName
                if HTMLTags.skipped.contains(tag) { continue }
                let measure = self.measure(child, inLink: inLink || tag == "a")
                raw[child] = measure
                total += measure
            default: continue
            }
        }
        return total
    }

    static func measureText(_ node: HTMLNode, inLink: Bool) -> Measure {
        node.withTextBytes { bytes in
            var measure = Measure()
            for byte in bytes {
                switch byte {
                case 0x20, 0x0A, 0x09, 0x0D, 0x0C: continue
                case UInt8(ascii: ","): measure.commas += 1; measure.text += 1
                default: measure.text += 1
                }
            }
            if inLink { measure.link = measure.text }
            return measure
        }
    }

    /// Second walk: drops boilerplate, measures what is kept and scores paragraphs.
    private mutating func prune(_ node: HTMLNode, inLink: Bool, inArticle: Bool) -> Measure {
        var total = Measure()
        var inlineText = Measure()
        for child in node.children {
            switch child.kind {
            case .text:
                let measure = Self.measureText(child, inLink: inLink)
                total += measure
                inlineText += measure
            case .element:
                let tag = child.tagName
                if HTMLTags.skipped.contains(tag) { continue }
                if isBoilerplate(child, tag: tag, inArticle: inArticle) {
                    excluded.insert(child)
                    continue
                }
                if tag == "h1", headline == nil { headline = child }
                let isArticle = tag == "article" || tag == "main"
                if isArticle || child.attribute("itemprop")?.lowercased() == "articlebody"
                    || child.attribute("role")?.lowercased() == "main"
                {
                    declared.append(child)
                }
                let measure = prune(child, inLink: inLink || tag == "a", inArticle: inArticle || isArticle)
                kept[child] = measure
                total += measure
                if HTMLTags.inline.contains(tag) { inlineText += measure }
                scoreParagraph(child, tag: tag, measure: measure)
            default: continue
            }
        }
        // A `div` or `section` holding text directly is a paragraph too (Readability's divs-as-p).
        if inlineText.text >= 25, HTMLTags.textContainers.contains(node.tagName) {
            addScore(for: node, measure: inlineText, isOwnText: true)
        }
        return total
    }

    /// Gives a paragraph's points to its ancestors.
    private mutating func scoreParagraph(_ node: HTMLNode, tag: String, measure: Measure) {
        guard HTMLTags.paragraphScored.contains(tag), measure.text >= 25 else { return }
        addScore(for: node, measure: measure, isOwnText: false)
    }

    private mutating func addScore(for node: HTMLNode, measure: Measure, isOwnText: Bool) {
        let points = 1 + Double(measure.commas) + min(Double(measure.text) / 100, 3)
        var ancestor: HTMLNode? = isOwnText ? node : node.parent
        var level = 0
        while let current = ancestor, level < 3 {
            if current.isElement(named: "body") || current.isElement(named: "html") { break }
            if scores[current] == nil { scores[current] = Self.initialScore(current) }
            let divider: Double = level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3
            scores[current, default: 0] += points / divider
            ancestor = current.parent
            level += 1
        }
    }

    /// A candidate's starting score from its tag and class.
    private static func initialScore(_ node: HTMLNode) -> Double {
        var score: Double
        switch node.tagName {
        case "article", "main": score = 10
        case "div", "section": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        switch BoilerplateHints.verdict(for: node) {
        case .positive: score += 25
        case .negative, .boilerplate: score -= 25
        case .neutral: break
        }
        return score
    }

    /// Whether `node` is page furniture to leave out.
    private func isBoilerplate(_ node: HTMLNode, tag: String, inArticle: Bool) -> Bool {
        let measure = raw[node] ?? Measure()
        // A wrapper holding most of the page is never dropped for its name (`has-sidebar`).
        let isWrapper = bodyText > 0 && Double(measure.text) > 0.6 * Double(bodyText)
        if BoilerplateHints.boilerplateTags.contains(tag) { return !isWrapper }
        if tag == "header" && !inArticle { return !isWrapper }
        if tag == "form" && Double(measure.text) < 0.5 * Double(bodyText) { return true }
        if BoilerplateHints.isHidden(node) { return true }
        if let role = node.attribute("role")?.lowercased(), BoilerplateHints.boilerplateRoles.contains(role) {
            return !isWrapper
        }
        if isWrapper { return false }
        switch BoilerplateHints.verdict(for: node) {
        case .boilerplate, .negative: return true
        case .positive, .neutral: break
        }
        // Lists of links (menus, tag clouds, "more stories") rather than prose.
        if measure.text > 0 {
            switch tag {
            case "ul", "ol", "dl": return measure.linkDensity > 0.5
            case "div", "section", "table", "p", "span", "center": return measure.linkDensity > 0.65
            default: return false
            }
        }
        return false
    }
}
