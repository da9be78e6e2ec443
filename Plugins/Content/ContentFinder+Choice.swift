import TrawlXML

extension ContentFinder {
    /// Picks the content's roots after the walks.
    func choose(body: HTMLNode, bodyKept: Measure) -> Result {
        let whole = Result(roots: [body], excluded: excluded)
        guard bodyKept.text > 0 else { return whole }
        var best: (node: HTMLNode, score: Double)?
        for (node, score) in scores {
            let measure = kept[node] ?? Measure()
            let final = score * (1 - measure.linkDensity)
            if best == nil || final > best?.score ?? 0 { best = (node, final) }
        }
        guard let best else { return whole }
        var top = best.node
        let topScore = best.score
        // Grow to ancestors that add little text: the article's title, byline, lead image.
        var topText = kept[top]?.text ?? 0
        while let parent = top.parent, !parent.isElement(named: "body"), !parent.isElement(named: "html") {
            let parentText = kept[parent]?.text ?? 0
            guard Double(parentText) <= 1.3 * Double(topText) + 40 else { break }
            top = parent
            topText = parentText
        }
        // A declared container around the choice (or inside it, holding most of it) wins.
        var fromDeclaration = false
        for container in declared {
            let text = kept[container]?.text ?? 0
            if Self.isAncestor(container, of: top) && Double(text) <= 6 * Double(topText) {
                top = container
                topText = text
                fromDeclaration = true
                break
            }
            if Self.isAncestor(top, of: container) && Double(text) >= 0.7 * Double(topText) {
                top = container
                topText = text
                fromDeclaration = true
                break
            }
        }
        var roots = [top]
        if !fromDeclaration, let parent = top.parent, !top.isElement(named: "body") {
            roots = siblings(of: top, in: parent, topScore: topScore)
            topText = roots.reduce(0) { $0 + (kept[$1]?.text ?? 0) }
        }
        // Too little of the page: no clear main content, so the whole body it is.
        if Double(topText) < 0.3 * Double(bodyKept.text) && bodyKept.text - topText > 300 {
            return whole
        }
        // The headline belongs to the content even when it sits outside the chosen container.
        if let headline, !roots.contains(where: { Self.isAncestor($0, of: headline) }) {
            roots.insert(headline, at: 0)
        }
        return Result(roots: roots, excluded: excluded)
    }

    /// `top` and those of its siblings that read as more of the same content.
    private func siblings(of top: HTMLNode, in parent: HTMLNode, topScore: Double) -> [HTMLNode] {
        let threshold = max(10, topScore * 0.2)
        var roots: [HTMLNode] = []
        var heading: HTMLNode?
        for sibling in parent.children where sibling.isElement && !excluded.contains(sibling) {
            if sibling == top {
                // The heading right before the content is its title.
                if let heading { roots.append(heading) }
                roots.append(sibling)
                continue
            }
            let tag = sibling.tagName
            heading = tag == "h1" || tag == "h2" ? sibling : nil
            guard let measure = kept[sibling], measure.text > 0 else { continue }
            let score = (scores[sibling] ?? 0) * (1 - measure.linkDensity)
            if score >= threshold {
                roots.append(sibling)
            } else if HTMLTags.siblingContent.contains(tag) && measure.linkDensity < 0.2 && measure.text >= 60 {
                // Prose, tables and sections of the same kind beside the best candidate
                // (a product's specification table beside its description).
                roots.append(sibling)
            }
        }
        return roots
    }

    /// Whether `ancestor` is `node` or one of its ancestors.
    static func isAncestor(_ ancestor: HTMLNode, of node: HTMLNode) -> Bool {
        var current: HTMLNode? = node
        while let candidate = current {
            if candidate == ancestor { return true }
            current = candidate.parent
        }
        return false
    }
}
