import TrawlJSONPath

/// A named JSONPath query whose matches become one field of a page's item.
public struct JSONField: Sendable, Hashable {
    /// The field name in the output item.
    public let name: String
    /// The query evaluated against the page's JSON document.
    public let query: JSONPathQuery

    public init(name: String, query: JSONPathQuery) {
        self.name = name
        self.query = query
    }
}
