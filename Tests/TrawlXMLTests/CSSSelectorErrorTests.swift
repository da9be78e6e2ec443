import Testing
import TrawlXML

/// A selector that must be rejected, the 1-based column named, and a fragment of the message.
struct CSSRejection: Sendable, CustomTestStringConvertible {
    let selector: String
    let column: Int
    let fragment: String
    init(_ selector: String, _ column: Int, _ fragment: String) {
        self.selector = selector
        self.column = column
        self.fragment = fragment
    }
    var testDescription: String { selector.isEmpty ? "(empty)" : selector }
}

@Suite struct CSSSelectorErrorTests {
    static let rejections: [CSSRejection] = [
        CSSRejection("", 1, "expected a type"),
        CSSRejection("   ", 4, "expected a type"),
        CSSRejection("div >", 6, "but found the end of the selector"),
        CSSRejection("div > > p", 7, "but found '>'"),
        CSSRejection("a:hover", 2, "unsupported pseudo-class ':hover'"),
        CSSRejection("p:first", 2, "unsupported pseudo-class ':first'"),
        CSSRejection("li:nth-col(1)", 3, "unsupported pseudo-class ':nth-col()'"),
        CSSRejection("svg|rect", 4, "namespace"),
        CSSRejection("|a", 1, "namespace"),
        CSSRejection("*|a", 2, "namespace"),
        CSSRejection("[ns|href]", 4, "namespace"),
        CSSRejection("p::text span", 9, "a pseudo-element must come last"),
        CSSRejection("p::text.note", 8, "a pseudo-element must come last"),
        CSSRejection("p::before", 2, "unsupported pseudo-element '::before'"),
        CSSRejection("::attr()", 8, "expected an attribute name in ::attr()"),
        CSSRejection("a::attr(href", 13, "expected ')'"),
        CSSRejection("a, , b", 4, "expected a type"),
        CSSRejection("a,", 3, "expected a type"),
        CSSRejection("div.", 5, "expected a class name"),
        CSSRejection("div!", 4, "expected a combinator"),
        CSSRejection("#", 1, "expected a type"),
        CSSRejection("[href", 6, "expected ']', '='"),
        CSSRejection("[href=]", 7, "expected an attribute value"),
        CSSRejection("[href=1]", 7, "expected an attribute value"),
        CSSRejection("[href='x' q]", 11, "unknown attribute flag 'q'"),
        CSSRejection("a[href='x]", 8, "unterminated quoted string"),
        CSSRejection("a /* note", 3, "unterminated comment"),
        CSSRejection("li:nth-child(2n+)", 14, "invalid argument '2n+' of :nth-child()"),
        CSSRejection("li:nth-child(2 of .x)", 19, "expected an+b"),
        CSSRejection("li:nth-child(2 n)", 14, "invalid argument"),
        CSSRejection("li:nth-child(3", 15, "expected ')' to close :nth-child("),
        CSSRejection("*:first-of-type", 2, ":first-of-type needs a type selector"),
        CSSRejection(".a:nth-of-type(2)", 3, ":nth-of-type needs a type selector"),
        CSSRejection(":not(div p)", 10, ":not() takes simple or compound selectors"),
        CSSRejection("a:not(::text)", 7, "pseudo-elements are not allowed"),
        CSSRejection("a:has(> b::attr(href))", 10, "pseudo-elements are not allowed"),
        CSSRejection("a:has(b", 8, "expected ',' or ')' to close :has("),
        CSSRejection("a:has()", 7, "expected a type"),
        CSSRejection("a: b", 3, "expected a pseudo-class name"),
        CSSRejection("é > :hover", 5, "unsupported pseudo-class ':hover'"),
    ]

    @Test("invalid and unsupported selectors are rejected with their column", arguments: rejections)
    func rejected(rejection: CSSRejection) {
        do {
            let selector = try CSSSelector(rejection.selector)
            Issue.record("compiled to \(selector.xpath)")
        } catch {
            #expect(error.column == rejection.column, "\(error)")
            #expect(error.message.contains(rejection.fragment), "\(error)")
        }
    }

    @Test("deeply nested pseudo-classes are an error, not a stack overflow")
    func nesting() throws {
        let allowed = String(repeating: ":not(", count: 32) + "a" + String(repeating: ")", count: 32)
        #expect(try CSSSelector(allowed).xpath.hasPrefix("descendant-or-self::*[not(self::*[not("))
        // The 33rd "p:has(" starts at column 32 * 6 + 1; its colon is the next column.
        let tooDeep = String(repeating: "p:has(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        #expect(throws: CSSSelectorError(column: 194, message: "pseudo-classes nest more than 32 levels deep")) {
            try CSSSelector(tooDeep)
        }
    }

    @Test("the error describes itself with its column")
    func description() {
        let expected = CSSSelectorError(
            column: 6,
            message: "expected a type, '*', '#id', '.class', '[attribute]' or ':pseudo-class' but found the end of the selector")
        #expect(throws: expected) {
            try CSSSelector("div >")
        }
        let error = CSSSelectorError(column: 2, message: "unsupported")
        #expect(error.description == "column 2: unsupported")
    }
}
