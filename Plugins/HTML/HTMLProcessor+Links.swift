import TrawlURL
import TrawlXML

extension HTMLProcessor {
    /// The page's followable links as absolute http(s) URLs, in document order.
    ///
    /// Sources: `a`, `area` and `iframe`/`frame` always; `link` only with a `rel` token of
    /// `next`, `prev` or `alternate` (not stylesheets or icons). References resolve against the
    /// first `<base href>` (itself resolved against the page URL) or the page URL. Empty
    /// references, `javascript:`, `mailto:`, `tel:` and `data:` links, references that do not
    /// parse and those that resolve to another scheme are skipped. Consecutive duplicates are
    /// dropped; the engine removes fragments and deduplicates the rest.
    static func links(in document: HTMLDocument, pageURL: String) -> [WebURL] {
        links(from: document.linkReferences(), pageURL: pageURL)
    }

    /// The links `rule` selects: what its ``HTMLLinkRule/select`` expressions select
    /// (evaluated from `node`, relative, or from the document; see ``selectedReferences``),
    /// or the link elements inside `node` or the ``HTMLLinkRule/within`` matches, or every
    /// link element; resolved as ``links(in:pageURL:)`` resolves them. `base` is the document's `<base href>` when the caller looked it
    /// up already (a double optional: `.some(nil)` means the page has none).
    static func links(
        in document: HTMLDocument, pageURL: String, rule: HTMLLinkRule, relativeTo node: HTMLNode? = nil,
        base: String?? = nil
    ) throws(XMLError) -> [WebURL] {
        guard rule.select != nil || node != nil || !rule.within.isEmpty else { return links(in: document, pageURL: pageURL) }
        let base = base ?? document.linkReferences().base
        if let select = rule.select {
            var references: [HTMLLinkReference] = []
            for expression in select {
                references += try selectedReferences(expression, in: document, relativeTo: node)
            }
            return links(from: HTMLLinkReferences(base: base, references: references), pageURL: pageURL)
        }
        var scopes: [HTMLNode] = []
        if let node {
            scopes = [node]
        } else {
            for expression in rule.within { scopes += try document.nodes(matching: expression.absolute) }
        }
        var found = document.linkReferences(within: scopes)
        found.base = base
        return links(from: found, pageURL: pageURL)
    }

    /// The references a follow expression selects: for elements, their own link and those
    /// inside them (so `css:a.more` and `css:nav` work as `css:a.more::attr(href)` would); for
    /// attributes and text, their values; a string result is one reference.
    private static func selectedReferences(
        _ expression: HTMLExpression, in document: HTMLDocument, relativeTo node: HTMLNode?
    ) throws(XMLError) -> [HTMLLinkReference] {
        let nodes: [HTMLNode]
        do throws(XMLError) {
            if let node {
                nodes = try document.nodes(matching: expression.relative, relativeTo: node)
            } else {
                nodes = try document.nodes(matching: expression.absolute)
            }
        } catch {
            // Not nodes: a string such as `string(//a/@href)`, or an error evaluating again reports.
            let value: XPathValue
            if let node {
                value = try document.evaluate(expression.relative, relativeTo: node)
            } else {
                value = try document.evaluate(expression.absolute)
            }
            guard case .string(let string) = value else { return [] }
            return [HTMLLinkReference(source: .anchor, reference: string)]
        }
        return document.linkReferences(within: nodes).references
    }

    /// `found` resolved against its base (itself resolved against the page URL) or the page URL.
    static func links(from found: HTMLLinkReferences, pageURL: String) -> [WebURL] {
        guard let page = try? WebURL(pageURL) else { return [] }
        var base = page
        if let href = found.base, let resolved = try? page.resolving(href), resolved.isHTTP {
            base = resolved
        }
        var links: [WebURL] = []
        links.reserveCapacity(found.references.count)
        // Pages repeat references (navigation, tables of contents); resolve each text once.
        var resolved: [String: WebURL?] = [:]
        for reference in found.references {
            if reference.source == .link && !isFollowable(rel: reference.rel) { continue }
            let absolute: WebURL?
            if let known = resolved[reference.reference] {
                absolute = known
            } else {
                absolute = resolve(reference.reference, against: base)
                resolved[reference.reference] = absolute
            }
            if let absolute, links.last != absolute { links.append(absolute) }
        }
        return links
    }

    /// `reference` resolved to an http(s) URL, or nil when it is skipped.
    static func resolve(_ reference: String, against base: WebURL) -> WebURL? {
        // The resolver trims the same way; trimming here only serves the checks below.
        let text = trimmedReference(reference)
        guard !text.isEmpty, !hasSkippedScheme(text),
            let url = try? base.resolving(reference), url.isHTTP
        else { return nil }
        return url
    }

    /// Whether a `<link>`'s `rel` names a page to crawl: `next`, `prev` or `alternate`.
    static func isFollowable(rel: String?) -> Bool {
        guard let rel else { return false }
        return rel.split(whereSeparator: isHTMLWhitespace).contains { token in
            token.caseInsensitiveEquals("next") || token.caseInsensitiveEquals("prev")
                || token.caseInsensitiveEquals("alternate")
        }
    }

    /// `reference` without the leading and trailing ASCII whitespace and controls browsers strip.
    static func trimmedReference(_ reference: String) -> Substring {
        let scalars = reference.unicodeScalars
        guard let start = scalars.firstIndex(where: { $0.value > 0x20 }),
            let end = scalars.lastIndex(where: { $0.value > 0x20 })
        else { return "" }
        return Substring(scalars[start...end])
    }

    /// Whether `reference` starts with a scheme that is never crawled, checked before the
    /// cost of resolving it. Other schemes (`ftp:`) are caught after resolution by `isHTTP`.
    static func hasSkippedScheme(_ reference: Substring) -> Bool {
        guard let colon = reference.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = reference[..<colon]
        return scheme.caseInsensitiveEquals("javascript") || scheme.caseInsensitiveEquals("mailto")
            || scheme.caseInsensitiveEquals("tel") || scheme.caseInsensitiveEquals("data")
    }

    private static func isHTMLWhitespace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\n" || character == "\r"
            || character == "\u{0C}"
    }
}
