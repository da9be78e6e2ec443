/// The result of evaluating an XPath expression against a document.
public enum XPathValue: Sendable, Hashable {
    /// A node set: the string value of each node, in document order (attribute values for
    /// attributes, concatenated descendant text for elements).
    case nodes([String])
    /// A string result, such as `string(//title)` or `normalize-space(//h1)`.
    case string(String)
    /// A number result, such as `count(//a)`; may be NaN or infinite.
    case number(Double)
    /// A boolean result, such as `boolean(//form)`.
    case boolean(Bool)
}
