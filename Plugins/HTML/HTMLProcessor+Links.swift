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
        guard let page = try? WebURL(pageURL) else { return [] }
        let found = document.linkReferences()
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
