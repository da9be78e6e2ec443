import Foundation
import TrawlContent
import TrawlCore
import TrawlHTMLProcessor
import TrawlJSONPath
import TrawlJSONProcessor

/// One config-file rule, compiled: which pages it matches and what it extracts and follows.
///
/// Threading: immutable; ``matches(_:)`` is safe from many tasks at once.
struct CrawlRule: Sendable {
    /// Matched anywhere in the page's final URL unless anchored; nil matches every URL.
    var urlPattern: URLRegex?
    /// The media type the page's `Content-Type` essence must have; `text/*` matches a whole
    /// top-level type. Nil matches every page, with or without a `Content-Type`.
    var mediaType: String?
    var htmlFields: [HTMLField] = []
    var jsonFields: [JSONField] = []
    var htmlEach: HTMLExpression?
    var jsonEach: JSONPathQuery?
    /// JSONPath queries whose string results are links (JSON pages).
    var jsonFollow: [JSONPathQuery] = []
    /// XPath or CSS expressions whose string values are links (HTML pages); nil follows every
    /// link of an HTML page, as without rules, and empty none.
    var htmlFollow: [HTMLExpression]?
    /// Field names carried along the followed links (`follow: {carry: […]}`), each of the
    /// kind (HTML or JSON) of the links that carry it.
    var carry: [String] = []
    /// `links: {in: …}`: only the link elements inside what these select (HTML pages).
    var linksWithin: [HTMLExpression] = []
    /// `links: {match: …}`: a link must match one of these to be followed; empty keeps all.
    var linkPatterns: [URLRegex] = []
    /// The field names in the order the file gives them.
    var fieldNames: [String] = []
    /// The content processor's fields this rule adds (`content: true` or a list), after the
    /// rule's own fields; empty for none.
    var contentFields: [ContentField] = []
    /// The extractor for ``contentFields`` (the command line's `--content-links` applies).
    var contentExtractor = ContentExtractor()

    /// The rule with `extractor` for its content fields.
    func using(_ extractor: ContentExtractor) -> CrawlRule {
        var rule = self
        rule.contentExtractor = extractor
        return rule
    }

    /// Whether this rule applies to `page`.
    func matches(_ page: Page) -> Bool {
        if let mediaType {
            guard let essence = page.mediaType?.essence else { return false }
            if mediaType.hasSuffix("/*") {
                guard essence.hasPrefix(mediaType.dropLast()) else { return false }
            } else if essence != mediaType {
                return false
            }
        }
        if let urlPattern, !urlPattern.matches(page.url) { return false }
        return true
    }

    /// The processors that run this rule, built once before the crawl.
    func processors(nullMissing: Bool) -> [any Processor] {
        let htmlNames = Set(htmlFields.map(\.name))
        let links = HTMLLinkRule(
            select: htmlFollow?.isEmpty == false ? htmlFollow : nil, within: linksWithin,
            carry: carry.filter { htmlNames.contains($0) })
        let processors: [any Processor] = [
            HTMLProcessor(
                fields: htmlFields, each: htmlEach, nullMissing: nullMissing, followLinks: htmlFollow?.isEmpty != true,
                links: links),
            JSONProcessor(
                fields: jsonFields, each: jsonEach, follow: jsonFollow, nullMissing: nullMissing,
                carry: carry.filter { !htmlNames.contains($0) }),
        ]
        let rest: [any Processor] = contentFields.isEmpty ? [] : [ContentProcessor(extractor: contentExtractor, fields: contentFields)]
        return LinkPatternFilter.wrapping(processors, patterns: linkPatterns) + rest
    }
}

/// A regular expression compiled once and shared by every page task.
struct URLRegex: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to use from
    // several threads at once; Swift's `Regex` is not Sendable.
    private let regex: NSRegularExpression

    init(_ pattern: String) throws {
        regex = try NSRegularExpression(pattern: pattern)
    }

    func matches(_ string: String) -> Bool {
        regex.firstMatch(in: string, range: NSRange(location: 0, length: string.utf16.count)) != nil
    }
}
