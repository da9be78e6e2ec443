import TrawlCore
import TrawlJSONPath

/// A named JSONPath query whose matches become one field of an item.
public struct JSONField: Sendable, Hashable {
    /// The field name in the output item.
    public let name: String
    /// The query evaluated against the page's JSON document, or against each match of the
    /// processor's `each` query (then `$` is that match).
    public let query: JSONPathQuery
    /// First match or all of them, and the type to convert to; `raw` has no effect on JSON.
    public let options: FieldOptions

    public init(name: String, query: JSONPathQuery, options: FieldOptions = FieldOptions()) {
        self.name = name
        self.query = query
        self.options = options
    }
}
