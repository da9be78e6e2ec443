import TrawlXML

/// What an element's tag, class, id, role and attributes say about whether it is content.
///
/// The word lists follow the tradition of Readability's "unlikely candidates" and
/// trafilatura's boilerplate patterns, written afresh: *strong* words (cookie banners,
/// comments, sharing widgets) mark boilerplate even beside a content word; *weak* ones
/// (menu, header, meta) only when no content word (article, content, post) is present.
enum BoilerplateHints {
    /// Elements that are never the main content.
    static let boilerplateTags: Set<String> = ["nav", "aside", "footer", "menu"]

    /// ARIA roles of page furniture.
    static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alertdialog",
        "search", "toolbar", "tablist",
    ]

    /// Substrings of class or id that mark boilerplate whatever else is there.
    static let strongNegative: [String] = [
        "cookie", "consent", "gdpr", "comment", "disqus", "newsletter", "advert", "sidebar", "breadcrumb",
        "social", "share", "sharing", "related", "recommend", "promo", "sponsor", "popup", "modal", "subscribe",
        "signup", "sign-up", "outbrain", "taboola", "skip-link", "skiplink", "paywall", "navbar", "masthead",
        "pagination", "pager", "trending", "most-read", "mostread", "read-more", "readmore",
        "follow-us", "author-bio", "footnav", "kommentar", "hatnote", "jump-link", "jump-to", "sitesub", "reference", "navbox", "catlinks", "editsection", "printfooter", "reviews", "customer-review", "userinfo", "user-info", "postprofile", "signature",
    ]

    /// Whole class or id words that mark boilerplate unless a content word is present.
    static let weakNegative: Set<String> = [
        "nav", "navigation", "menu", "header", "footer", "banner", "ad", "ads", "adv", "advertisement", "meta",
        "tags", "tag", "byline", "hidden", "print", "toc", "aside", "extra", "legal", "copyright", "login",
        "search", "widget", "rss", "feed", "sitemap", "topbar", "site-header", "dateline", "credits", "categories",
        "sr-only", "visually-hidden", "screen-reader-text", "noprint", "utility", "links", "review", "author", "autor", "date", "timestamp", "actions", "action-bar", "buy", "buybox", "price", "prices", "rating", "ratings", "stars", "stock", "availability", "usp", "basket", "cart", "wishlist",
    ]

    /// Whole class or id words that mark content.
    static let positive: Set<String> = [
        "article", "content", "main", "post", "entry", "story", "body", "text", "blog", "prose", "markdown",
        "documentation", "page-content", "article-body", "articlebody", "post-content", "entry-content",
        "main-content", "maincontent", "rst-content", "section",
    ]

    /// The hint a class/id attribute pair gives.
    enum Verdict {
        case boilerplate
        case negative
        case positive
        case neutral
    }

    /// Classifies `node` by its `class` and `id`.
    static func verdict(for node: HTMLNode) -> Verdict {
        let classes = node.attribute("class")
        let id = node.attribute("id")
        if classes == nil && id == nil { return .neutral }
        var names = (classes ?? "") + " " + (id ?? "")
        names = names.lowercased()
        if containsStrongNegative(names) { return .boilerplate }
        var hasPositive = false
        var hasNegative = false
        for token in names.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let word = String(token)
            if positive.contains(word) { hasPositive = true; continue }
            if weakNegative.contains(word) { hasNegative = true; continue }
            // Compound names: `site-nav`, `post_body`.
            for part in word.split(whereSeparator: { $0 == "-" || $0 == "_" }) {
                let part = String(part)
                if positive.contains(part) { hasPositive = true } else if weakNegative.contains(part) { hasNegative = true }
            }
        }
        if hasNegative { return hasPositive ? .neutral : .negative }
        return hasPositive ? .positive : .neutral
    }

    /// The strong words by their first byte, so one pass over a name checks them all.
    private static let strongByFirstByte: [UInt8: [[UInt8]]] = Dictionary(
        grouping: strongNegative.map { Array($0.utf8) }, by: { $0[0] })

    /// Whether `names` (lowercased) contains a strong word anywhere.
    private static func containsStrongNegative(_ names: String) -> Bool {
        var copy = names
        return copy.withUTF8 { bytes in
            for start in bytes.indices {
                guard let words = strongByFirstByte[bytes[start]] else { continue }
                for word in words where start + word.count <= bytes.count {
                    var index = 1
                    while index < word.count && bytes[start + index] == word[index] { index += 1 }
                    if index == word.count { return true }
                }
            }
            return false
        }
    }

    /// Whether `node` is hidden from readers (`hidden`, `aria-hidden`, inline `display:none`).
    static func isHidden(_ node: HTMLNode) -> Bool {
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ $0 != " " }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        return false
    }
}
