/// A field's expression as written, before the processor that evaluates it compiles it.
///
/// The syntax decides the processor: XPath and CSS are evaluated on HTML pages, JSONPath on
/// JSON pages.
public enum FieldExpression: Sendable, Hashable, CustomStringConvertible {
    /// XPath 1.0, such as `//h1` or `./span[@class="price"]`.
    case xpath(String)
    /// A CSS selector, with `::text` and `::attr(name)`, such as `span.price::text`.
    case css(String)
    /// RFC 9535 JSONPath, such as `$.results[*].name`.
    case jsonPath(String)

    /// The expression text, without any syntax prefix.
    public var source: String {
        switch self {
        case .xpath(let source), .css(let source), .jsonPath(let source): source
        }
    }

    /// Whether the expression is evaluated on HTML pages (XPath or CSS).
    public var isHTML: Bool {
        if case .jsonPath = self { return false }
        return true
    }

    /// `xpath://h1`, `css:h1`, `jsonpath:$.a`: the explicit form.
    public var description: String {
        switch self {
        case .xpath(let source): "xpath:" + source
        case .css(let source): "css:" + source
        case .jsonPath(let source): "jsonpath:" + source
        }
    }
}
