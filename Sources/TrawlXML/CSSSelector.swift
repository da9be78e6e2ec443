/// A CSS selector (with Scrapy's `::text` and `::attr(name)` pseudo-elements) compiled once to
/// XPath 1.0, so rules written in CSS cost the same as XPath rules when pages are processed.
///
/// Supported: type selectors and `*`, `#id`, `.class`, attribute selectors (`[a]`, `=`, `~=`,
/// `|=`, `^=`, `$=`, `*=`, quoted or bare values, the ` i` and ` s` flags), the descendant,
/// `>`, `+` and `~` combinators, selector lists, `:first-child`, `:last-child`, `:only-child`,
/// `:nth-child()`, `:nth-last-child()`, the `-of-type` variants (after a type selector),
/// `:not()`, `:is()` and `:where()` (of compound selectors), `:has()` (of relative selectors),
/// `:empty` and `:root`. Anything else is a ``CSSSelectorError``, never a selector that matches
/// nothing.
///
/// The selector targets HTML documents: element and attribute names are lowercased, as
/// libxml2's HTML parser stores them, so `DIV[ID]` matches `<div id>`. Class, id and attribute
/// values are case-sensitive unless the attribute selector carries the ` i` flag.
///
/// Threading: a plain value, safe to share; compiling touches no C library.
public struct CSSSelector: Sendable, Hashable, CustomStringConvertible {
    /// The selector as written.
    public let source: String

    /// The XPath 1.0 expression selecting, from the document node, every node the selector
    /// matches anywhere in the document: `div > p` becomes `descendant-or-self::div/p`. A
    /// selector list becomes a union (`|`) of one path per selector.
    public let xpath: String

    /// The expression for a context element (an `each:` rule's element): it selects the
    /// matching descendants of the context node, not the node itself — `a.next` becomes
    /// `descendant::a[...]`. It is a union for a selector list, so evaluate it with the
    /// element as the context node rather than appending it to another path.
    ///
    /// A selector that is only a pseudo-element addresses the context element itself:
    /// `::attr(href)` is its `@href`, and `::text` all text nodes below it (as in parsel).
    public let relativeXPath: String

    /// Compiles `source`.
    ///
    /// - Throws: ``CSSSelectorError`` with the 1-based column and what was expected there, for
    ///   bad syntax, unsupported pseudo-classes (`:hover`), namespaces (`svg|rect`) or a
    ///   pseudo-element that is not last.
    public init(_ source: String) throws(CSSSelectorError) {
        let selectors = try CSSSelectorParser.parse(source)
        self.source = source
        self.xpath = Self.xpath(for: selectors, relative: false)
        self.relativeXPath = Self.xpath(for: selectors, relative: true)
    }

    public var description: String { source }
}
