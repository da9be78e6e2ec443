import TrawlCore
import TrawlJSONPath
import TrawlURL
import TrawlXML

/// The metadata a page states about itself, gathered in one walk of the document.
///
/// Sources in order of preference: Open Graph and `article:` meta properties, JSON-LD
/// (`Article`, `NewsArticle`, `BlogPosting`, … or a `@graph` of them), plain meta names
/// (`description`, `author`, `date`, Dublin Core), and the document itself (`<title>`,
/// `<html lang>`, `<link rel=canonical>`, `<base href>`).
///
/// Not Sendable while reading (it holds nodes); the values it produces are plain strings.
struct PageMetadata {
    var title: String?
    var description: String?
    var language: String?
    var canonical: String?
    var author: String?
    var published: String?
    /// The `<base href>`, unresolved.
    var baseHref: String?
    /// The first `<h1>` of the page, a title of last resort.
    var firstHeading: String?

    /// Named values from meta tags, by lowercased `name`, `property` or `itemprop`; the first wins.
    private var meta: [String: String] = [:]
    private var documentTitle: String?
    private var linkedData: LinkedData = LinkedData()

    /// Reads `document`; relative URLs resolve against `pageURL`.
    static func read(_ document: HTMLDocument, pageURL: WebURL?) -> PageMetadata {
        var metadata = PageMetadata()
        if let root = document.rootElement {
            if let lang = root.attribute("lang") ?? root.attribute("xml:lang") {
                metadata.language = nonEmpty(lang)
            }
            metadata.walk(root)
        }
        metadata.settle(pageURL: pageURL)
        return metadata
    }

    private mutating func walk(_ node: HTMLNode) {
        for child in node.children where child.isElement {
            switch child.tagName {
            case "meta": readMeta(child)
            case "title":
                if documentTitle == nil { documentTitle = Self.nonEmpty(child.textContent.normalizingWhitespace()) }
            case "link":
                let rel = child.attribute("rel")?.lowercased().split(separator: " ") ?? []
                if rel.contains("canonical"), canonical == nil { canonical = child.attribute("href") }
                if rel.contains("author"), meta["link-author"] == nil, let href = child.attribute("href") {
                    meta["link-author"] = href
                }
            case "base":
                if baseHref == nil { baseHref = child.attribute("href") }
            case "script":
                if child.attribute("type")?.lowercased().trimmingWhitespaceScalars == "application/ld+json" {
                    linkedData.read(child.textContent)
                }
            case "h1":
                if firstHeading == nil { firstHeading = Self.nonEmpty(child.textContent.normalizingWhitespace()) }
                walk(child)
            case "time":
                if meta["time"] == nil, let datetime = child.attribute("datetime") { meta["time"] = datetime }
                walk(child)
            case "style", "noscript", "template", "svg": continue
            default:
                if let itemprop = child.attribute("itemprop")?.lowercased(),
                    itemprop == "author" || itemprop == "datepublished" || itemprop == "headline"
                {
                    let value = child.attribute("content") ?? child.attribute("datetime") ?? child.textContent
                    if meta["itemprop:" + itemprop] == nil, let value = Self.nonEmpty(value.normalizingWhitespace()) {
                        meta["itemprop:" + itemprop] = value
                    }
                }
                walk(child)
            }
        }
    }

    private mutating func readMeta(_ node: HTMLNode) {
        guard let content = node.attribute("content").flatMap({ Self.nonEmpty($0.normalizingWhitespace()) }) else { return }
        for key in ["property", "name", "itemprop", "http-equiv"] {
            guard let name = node.attribute(key)?.lowercased().trimmingWhitespaceScalars, !name.isEmpty else { continue }
            if meta[name] == nil { meta[name] = content }
        }
    }

    /// Chooses each value from its sources.
    private mutating func settle(pageURL: WebURL?) {
        title = first(["og:title", "twitter:title"]) ?? linkedData.headline ?? meta["itemprop:headline"]
            ?? documentTitle ?? firstHeading
        description = first(["description", "og:description", "twitter:description", "dc.description"])
            ?? linkedData.description
        if language == nil {
            language = first(["content-language", "language", "dc.language"]) ?? linkedData.language
                ?? meta["og:locale"].map { $0.replacingUnderscores }
        }
        author = first(["author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"])
            .flatMap { $0.hasPrefix("http") ? nil : $0 }
            ?? linkedData.author ?? meta["itemprop:author"] ?? meta["twitter:creator"]
        published = first([
            "article:published_time", "og:article:published_time", "datepublished", "publishdate", "publish_date",
            "pubdate", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
        ]) ?? linkedData.published ?? meta["itemprop:datepublished"] ?? meta["time"]
        var canonicalReference = canonical ?? meta["og:url"]
        if let reference = canonicalReference, let pageURL {
            canonicalReference = (try? pageURL.resolving(reference.trimmingWhitespaceScalars))?.absoluteString
        }
        canonical = canonicalReference.flatMap(Self.nonEmpty)
    }

    private func first(_ names: [String]) -> String? {
        for name in names { if let value = meta[name] { return value } }
        return nil
    }

    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespaceScalars
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension String {
    /// `en_US` as a language tag: `en-US`.
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}

@available(*, unavailable)
extension PageMetadata: Sendable {}
