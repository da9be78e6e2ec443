import TrawlCore
import TrawlJSONPath

/// Article metadata from a page's JSON-LD blocks (`<script type="application/ld+json">`).
///
/// Reads objects at the top level, in arrays and in `@graph`; the first object whose `@type`
/// is an article kind gives headline, author, dates and description, falling back to any
/// object that has them. A block that is not valid JSON is ignored.
struct LinkedData {
    var headline: String?
    var description: String?
    var author: String?
    var published: String?
    var language: String?
    private var foundArticle = false

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "techarticle", "scholarlyarticle", "report", "reportagenewsarticle",
        "analysisnewsarticle", "opinionnewsarticle", "socialmediaposting", "discussionforumposting", "liveblogposting",
        "webpage", "howto", "recipe", "product", "qapage",
    ]

    mutating func read(_ text: String) {
        guard let value = try? JSONParser.parse(text) else { return }
        visit(value, depth: 0)
    }

    private mutating func visit(_ value: JSONValue, depth: Int) {
        guard depth < 6 else { return }
        switch value {
        case .array(let values):
            for element in values { visit(element, depth: depth + 1) }
        case .object:
            if let graph = value["@graph"] { visit(graph, depth: depth + 1) }
            let isArticle = Self.types(of: value).contains { Self.articleTypes.contains($0) }
            // An article's values replace those of other objects found before it.
            if isArticle && !foundArticle {
                foundArticle = true
                take(value, replacing: true)
            } else {
                take(value, replacing: false)
            }
        default:
            return
        }
    }

    private mutating func take(_ object: JSONValue, replacing: Bool) {
        func set(_ field: inout String?, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            if field == nil || replacing { field = value }
        }
        set(&headline, Self.string(object["headline"]) ?? (replacing ? Self.string(object["name"]) : nil))
        set(&description, Self.string(object["description"]))
        set(&author, Self.name(object["author"]) ?? Self.name(object["creator"]))
        set(&published, Self.string(object["datePublished"]) ?? Self.string(object["dateCreated"]))
        set(&language, Self.string(object["inLanguage"]))
    }

    private static func types(of object: JSONValue) -> [String] {
        switch object["@type"] {
        case .string(let type): [type.lowercased()]
        case .array(let types): types.compactMap { string($0)?.lowercased() }
        default: []
        }
    }

    private static func string(_ value: JSONValue?) -> String? {
        guard case .string(let text) = value else { return nil }
        return PageMetadata.nonEmpty(text.normalizingWhitespace())
    }

    /// A person's name: a string, `{name}`, or a list of either joined by commas.
    private static func name(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text): return PageMetadata.nonEmpty(text.normalizingWhitespace())
        case .object: return string(value?["name"])
        case .array(let values):
            let names = values.compactMap { name($0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        default: return nil
        }
    }
}
