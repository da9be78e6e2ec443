/// Which links an HTML page gives to the crawl, and which fields travel with them.
///
/// The default (no ``select``, no ``within``, no ``carry``) is every link element of the page,
/// as ``HTMLProcessor`` always finds them.
///
/// Threading: a plain value, safe to share.
public struct HTMLLinkRule: Sendable, Hashable {
    /// Expressions that select the links, resolved like link elements: attribute or text nodes
    /// and string results are references (`css:a.more::attr(href)`, `string(//link/@href)`);
    /// an element gives its own link and the links inside it (`css:a.more`, `css:nav`). Nil
    /// takes the page's link elements.
    public var select: [HTMLExpression]?
    /// When not empty, only the link elements inside the elements these select (or the
    /// attribute and text nodes they select themselves) are links; the others are not
    /// extracted at all. Applies when ``select`` is nil.
    public var within: [HTMLExpression]
    /// Names of the processor's fields carried into the pages the links lead to; see
    /// ``HTMLProcessor`` for the rule.
    public var carry: [String]

    public init(select: [HTMLExpression]? = nil, within: [HTMLExpression] = [], carry: [String] = []) {
        self.select = select
        self.within = within
        self.carry = carry
    }
}
