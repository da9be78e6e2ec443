import TrawlXML

/// One field the HTML processor extracts from every HTML page: a name and an XPath expression.
public struct HTMLField: Sendable, Hashable {
    /// The field's name in the item.
    public let name: String
    /// The expression evaluated against the page, with the document as the context node.
    public let expression: XPathExpression

    public init(name: String, expression: XPathExpression) {
        self.name = name
        self.expression = expression
    }
}
