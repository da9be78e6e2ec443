import TrawlCore
import TrawlXML

/// One field the HTML processor extracts: a name, an XPath or CSS expression, and how its
/// matches become the value (first or all, normalized or raw, converted to a type).
public struct HTMLField: Sendable, Hashable {
    /// The field's name in the item.
    public let name: String
    /// The expression: evaluated from the document, or from each match of the processor's
    /// `each` selector.
    public let expression: HTMLExpression
    public let options: FieldOptions

    public init(name: String, expression: HTMLExpression, options: FieldOptions = FieldOptions()) {
        self.name = name
        self.expression = expression
        self.options = options
    }

    /// A field from an XPath expression.
    public init(name: String, expression: XPathExpression, options: FieldOptions = FieldOptions()) {
        self.init(name: name, expression: HTMLExpression(xpath: expression), options: options)
    }
}
