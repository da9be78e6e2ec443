import TrawlXML

/// An XPath expression or a CSS selector, compiled once to the XPath the HTML processor runs.
///
/// ``absolute`` is evaluated with the document as the context node (a page field, an `each`
/// selector); ``relative`` with an `each` match as the context node. For XPath both are the
/// expression as written (XPath says what is relative: `./span` is, `//span` is not); for CSS
/// they are ``CSSSelector/xpath`` and ``CSSSelector/relativeXPath``, so a CSS field under
/// `each` matches inside the matched element only.
///
/// Threading: a plain value, safe to share.
public struct HTMLExpression: Sendable, Hashable, CustomStringConvertible {
    /// The expression language the user wrote.
    public enum Syntax: String, Sendable, Hashable {
        case xpath
        case css
    }

    /// The expression as written.
    public let source: String
    public let syntax: Syntax
    /// The XPath evaluated from the document node.
    public let absolute: XPathExpression
    /// The XPath evaluated from an `each` match.
    public let relative: XPathExpression

    /// An XPath 1.0 expression (already validated by ``XPathExpression``).
    public init(xpath: XPathExpression) {
        self.source = xpath.source
        self.syntax = .xpath
        self.absolute = xpath
        self.relative = xpath
    }

    /// A CSS selector (with `::text` and `::attr(name)`), already compiled to XPath by
    /// ``CSSSelector``.
    /// - Throws: ``XMLError`` if libxml2 rejects the generated XPath, which would be a bug in
    ///   the CSS translation.
    public init(css selector: CSSSelector) throws(XMLError) {
        self.source = selector.source
        self.syntax = .css
        self.absolute = try XPathExpression(selector.xpath)
        self.relative = try XPathExpression(selector.relativeXPath)
    }

    /// `xpath://h1` or `css:h1`.
    public var description: String { "\(syntax.rawValue):\(source)" }
}
