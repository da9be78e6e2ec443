/// The syntax tree of a parsed CSS selector list, which ``CSSSelectorParser`` builds and the
/// XPath translation (`CSSSelector+XPath.swift`) walks.
///
/// Names are stored lowercased: the selectors target HTML documents, whose element and
/// attribute names libxml2's HTML parser lowercases.
enum CSSSyntax {
    /// `a > b c`: compounds joined by combinators, with an optional trailing pseudo-element.
    struct Complex: Equatable {
        var first: Compound
        var rest: [Step]
        var pseudoElement: PseudoElement?
    }

    /// A combinator and the compound it leads to: `> p`.
    struct Step: Equatable {
        var combinator: Combinator
        var compound: Compound
    }

    /// A relative selector inside `:has()`: `> p`, `+ p`, `~ p` or `p` (descendant).
    struct Relative: Equatable {
        var combinator: Combinator
        var selector: Complex
    }

    /// `div#main.note[lang]:first-child`: an optional type and the conditions on the element.
    struct Compound: Equatable {
        /// The lowercased element name, or nil for `*` or no type selector.
        var element: String?
        var conditions: [Condition]
    }

    enum Combinator: Equatable {
        case descendant, child, adjacentSibling, generalSibling
    }

    enum Condition: Equatable {
        case id(String)
        case className(String)
        case attribute(Attribute)
        case pseudoClass(PseudoClass)
    }

    struct Attribute: Equatable {
        enum Matcher: Equatable {
            /// `[a]`
            case exists
            /// `=`, `~=`, `|=`, `^=`, `$=`, `*=` and the value.
            case equals(String), includes(String), dashMatch(String)
            case prefix(String), suffix(String), substring(String)
        }

        /// The lowercased attribute name.
        var name: String
        var matcher: Matcher
        /// The ` i` flag: compare ASCII letters without regard to case.
        var ignoresCase: Bool
    }

    enum PseudoClass: Equatable {
        case root, empty
        case firstChild, lastChild, onlyChild
        case nthChild(CSSNthFormula), nthLastChild(CSSNthFormula)
        /// The `-of-type` classes carry the lowercased element name they count, taken from the
        /// compound's type selector (or, inside `:not()`/`:is()`, the enclosing compound's).
        case firstOfType(String), lastOfType(String), onlyOfType(String)
        case nthOfType(CSSNthFormula, String), nthLastOfType(CSSNthFormula, String)
        /// `:not(a, b.c)`: matches if none of the compounds does.
        case not([Compound])
        /// `:is(a, b.c)` and `:where()`: matches if any of the compounds does.
        case isAny([Compound])
        /// `:has(> a, b)`: matches if any relative selector finds an element.
        case has([Relative])
    }

    /// Scrapy's pseudo-elements, which select nodes other than elements.
    enum PseudoElement: Equatable {
        /// `::text`: the text node children.
        case text
        /// `::attr(name)`: the attribute, with its name lowercased.
        case attribute(String)
    }
}
