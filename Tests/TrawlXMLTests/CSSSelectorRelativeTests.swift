import Testing
import TrawlXML

/// A selector evaluated with one element as the context, as an `each:` rule does.
struct CSSRelativeCase: Sendable, CustomTestStringConvertible {
    let scope: String
    let selector: String
    let expected: [String]
    init(_ scope: String, _ selector: String, _ expected: [String]) {
        self.scope = scope
        self.selector = selector
        self.expected = expected
    }
    var testDescription: String { "\(selector) within \(scope)" }
}

@Suite struct CSSSelectorRelativeTests {
    static let cases: [CSSRelativeCase] = [
        CSSRelativeCase("//li[2]", "a", ["Banana"]),
        CSSRelativeCase("//li[2]", "a::attr(href)", ["/p/2"]),
        CSSRelativeCase("//li[2]", "::attr(data-sku)", ["B-2"]),
        CSSRelativeCase("//li[2]", "::text", ["Banana", " ", "2.00"]),
        CSSRelativeCase("//li[2]", ".price::text", ["2.00"]),
        CSSRelativeCase("//li[2]", "li", []),
        CSSRelativeCase("//li[2]", "*", ["Banana", "2.00"]),
        CSSRelativeCase("//ul", "li:first-child a, li:last-child a", ["Apple", "Elder"]),
        CSSRelativeCase("//ul", "li:nth-child(2) ::text", ["Banana", " ", "2.00"]),
        CSSRelativeCase("//section[2]", "p", ["grandchild"]),
        CSSRelativeCase("//section[2]", "div > p::text", ["grandchild"]),
        CSSRelativeCase("//section[2]", "h2 + div", ["grandchild"]),
        CSSRelativeCase("//*[@id='main']", "section:has(> p) h2::text", ["Has"]),
    ]

    @Test("the relative expression selects descendants of the context element", arguments: cases)
    func relative(testCase: CSSRelativeCase) throws {
        let values = try CSSFixtures.select(testCase.selector, within: testCase.scope, in: CSSFixtures.shop)
        #expect(values == testCase.expected)
    }

    @Test("relative and absolute expressions agree from the document's root element")
    func rootScope() throws {
        for selector in ["li.product > a", "p::text", "a::attr(href), h2"] {
            #expect(
                try CSSFixtures.select(selector, within: "/html", in: CSSFixtures.shop)
                    == CSSFixtures.select(selector, in: CSSFixtures.shop))
        }
    }
}
