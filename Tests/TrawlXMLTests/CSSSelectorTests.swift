import Testing
import TrawlXML

/// A selector and the string values of the nodes it must select, in document order.
struct CSSCase: Sendable, CustomTestStringConvertible {
    let selector: String
    let expected: [String]
    init(_ selector: String, _ expected: [String]) {
        self.selector = selector
        self.expected = expected
    }
    var testDescription: String { selector }
}

@Suite struct CSSSelectorTests {
    static let shopCases: [CSSCase] = [
        CSSCase("h1", ["Products"]),
        CSSCase("H1", ["Products"]),
        CSSCase("#main > h1.title", ["Products"]),
        CSSCase(".price", ["1.00", "2.00", "4.00"]),
        CSSCase(".page.wide > .note", ["Second"]),
        CSSCase(".product.featured a", ["Apple"]),
        CSSCase("li.sold-out a", ["Cherry"]),
        CSSCase(".produc", []),
        CSSCase("[class~=productive] a", ["Elder"]),
        CSSCase("[class~=''] a", []),
        CSSCase("a[rel]", ["Cherry"]),
        CSSCase("a[href='/p/2']", ["Banana"]),
        CSSCase("a[href=\"/p/2\"]", ["Banana"]),
        CSSCase("a[href^='https:']", ["Date"]),
        CSSCase("a[href$='.pdf']", ["Elder"]),
        CSSCase("a[href$=f]", ["Elder"]),
        CSSCase("a[href*=example]", ["Date"]),
        CSSCase("li[lang|=en] a", ["Apple", "Banana"]),
        CSSCase("LI[Lang|=EN] > A", []),
        CSSCase("LI[Lang|=EN i] > A", ["Apple", "Banana"]),
        CSSCase("li[data-sku='a-1' i] a", ["Apple"]),
        CSSCase("li[data-sku='a-1'] a", []),
        CSSCase("li[data-sku='a-1' s] a", []),
        CSSCase("li[DATA-SKU^=C i] a", ["Cherry"]),
        CSSCase("li[data-sku$='-4' i] a", ["Date"]),
        CSSCase("li[data-sku*=\"B\" i] a", ["Banana"]),
        CSSCase("li[data-sku$=''] a", []),
        CSSCase("li[data-sku^=''] a", []),
        CSSCase("li[data-sku=''] a", ["Elder"]),
        CSSCase("input[type=text i]::attr(name)", ["q"]),
        CSSCase("input[type=text]::attr(name)", []),
        CSSCase("input[checked]::attr(name)", ["c"]),
        CSSCase("a[title*='\"ripe\"']", ["Elder"]),
        CSSCase("a[title^=\"it's\"]", ["Elder"]),
        CSSCase("a[title='it\\'s \"ripe\"']", ["Elder"]),
        CSSCase("ul > li:first-child a", ["Apple"]),
        CSSCase("li:last-child a", ["Elder"]),
        CSSCase("section p:only-child", ["grandchild"]),
        CSSCase("ul > li > a:only-child", ["Cherry", "Elder"]),
        CSSCase("li:nth-child(2n) a", ["Banana", "Date"]),
        CSSCase("li:nth-child(odd) a", ["Apple", "Cherry", "Elder"]),
        CSSCase("li:nth-last-child(2) a", ["Date"]),
        CSSCase("li:nth-child(-n+2) a", ["Apple", "Banana"]),
        CSSCase("p:first-of-type", ["First bold tail", "child", "grandchild"]),
        CSSCase("#main > p:last-of-type", ["Third"]),
        CSSCase("#main > p:nth-of-type(2)", ["Second"]),
        CSSCase("div:empty::attr(class)", ["empty", "comment"]),
        CSSCase("p:not(.note)", ["First bold tail", "Third", "child", "grandchild"]),
        CSSCase("#main > :not(p, div, section, ul)", ["Products"]),
        CSSCase("li:not([data-sku^=A], .sold-out) > a", ["Banana", "Date", "Elder"]),
        CSSCase("li:is(.featured, .sold-out) a", ["Apple", "Cherry"]),
        CSSCase("li:where(.featured) a", ["Apple"]),
        CSSCase("section:has(> p) > h2", ["Has"]),
        CSSCase("section:has(p) > h2", ["Has", "Deep"]),
        CSSCase("section:not(:has(p)) > h2", ["None"]),
        CSSCase("h2:has(+ p)", ["Has"]),
        CSSCase("h2:has(~ div p)", ["Deep"]),
        CSSCase("li:has(> .sale) a", ["Banana"]),
        CSSCase("li:has(.sale, [rel]) a", ["Banana", "Cherry"]),
        CSSCase("h1 + ul > li:first-child > a", ["Apple"]),
        CSSCase("h1 ~ p", ["First bold tail", "Second", "Third"]),
        CSSCase(".note + div::attr(class)", ["empty"]),
        CSSCase(".note ~ div::attr(class)", ["empty", "comment", "space"]),
        CSSCase("h1, .note, h2", ["Products", "Second", "Has", "Deep", "None"]),
        CSSCase("a.link, a[rel=nofollow]", ["Apple", "Cherry"]),
        CSSCase("p::text", ["First ", " tail", "Second", "Third", "child", "grandchild"]),
        CSSCase("p b::text", ["bold"]),
        CSSCase("p ::text", ["First ", "bold", " tail", "Second", "Third", "child", "grandchild"]),
        CSSCase("li:nth-child(2) *::text", ["Banana", " ", "2.00"]),
        CSSCase("li:first-child ::attr(class)", ["product featured", "link", "price"]),
        CSSCase("li:first-child > ::attr(class)", ["link", "price"]),
        CSSCase("title::text", ["Shop"]),
        CSSCase("li a::attr(href)", ["/p/1", "/p/2", "/p/3", "https://example.com/p/4", "/p/5.pdf"]),
        CSSCase("#main > h1::ATTR(Class)", ["title"]),
        CSSCase(":root::attr(lang)", ["en"]),
        CSSCase("html:root > body > form#search > button", ["Go"]),
        CSSCase("* > button", ["Go"]),
        CSSCase("form > *:last-child", ["Go"]),
        CSSCase("#search input:nth-of-type(2)::attr(name)", ["c"]),
        CSSCase("h1/* a comment */.title", ["Products"]),
        CSSCase("div.\\70 age > h1", ["Products"]),
        CSSCase("  h1 ,\n.note\t", ["Products", "Second"]),
    ]

    static let listCases: [CSSCase] = [
        CSSCase("li:nth-child(3)", ["3"]),
        CSSCase("li:nth-child(odd)", ["1", "3", "5", "7", "9"]),
        CSSCase("li:nth-child(EVEN)", ["2", "4", "6", "8", "10"]),
        CSSCase("li:nth-child(2n+1)", ["1", "3", "5", "7", "9"]),
        CSSCase("li:nth-child( 2n + 1 )", ["1", "3", "5", "7", "9"]),
        CSSCase("li:nth-child(3n+2)", ["2", "5", "8"]),
        CSSCase("li:nth-child(3n-1)", ["2", "5", "8"]),
        CSSCase("li:nth-child(-n+3)", ["1", "2", "3"]),
        CSSCase("li:nth-child(n)", ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]),
        CSSCase("li:nth-child(n+8)", ["8", "9", "10"]),
        CSSCase("li:nth-child(-2n+5)", ["1", "3", "5"]),
        CSSCase("li:nth-child(-3n+10)", ["1", "4", "7", "10"]),
        CSSCase("li:nth-child(0n+4)", ["4"]),
        CSSCase("li:nth-child(+4)", ["4"]),
        CSSCase("li:nth-child(0)", []),
        CSSCase("li:nth-child(-n-1)", []),
        CSSCase("li:nth-child(4n-9)", ["3", "7"]),
        CSSCase("li:nth-last-child(-n+2)", ["9", "10"]),
        CSSCase("li:nth-last-child(3n)", ["2", "5", "8"]),
        CSSCase("#mixed p:nth-of-type(odd)", ["p1", "p3", "p5"]),
        CSSCase("#mixed p:nth-of-type(2n)", ["p2", "p4"]),
        CSSCase("#mixed p:nth-last-of-type(1)", ["p5"]),
        CSSCase("#mixed h3:last-of-type", ["h2"]),
        CSSCase("#mixed :nth-child(4)", ["h2"]),
        CSSCase("#mixed span:only-of-type", ["s1"]),
        CSSCase("#mixed p:first-of-type", ["p1"]),
        CSSCase("#mixed p:not(:first-of-type)", ["p2", "p3", "p4", "p5"]),
        CSSCase("#mixed p:not(:nth-of-type(n+3))", ["p1", "p2"]),
        CSSCase("#mixed h3 + p", ["p1", "p3"]),
        CSSCase("#mixed h3 ~ span", ["s1"]),
        CSSCase("#mixed p + p + p", ["p5"]),
        CSSCase("#a\\.b", ["dotted"]),
        CSSCase("p.café", ["dotted"]),
        CSSCase("p.x", ["dotted", "accent"]),
        CSSCase("[xml\\:lang=de]", ["dotted"]),
        CSSCase("p[title$='é']", ["accent"]),
        CSSCase("p[title$=\"ve é\"]", ["accent"]),
        CSSCase("p[title^=NAÏ i]", []),
        CSSCase("p[title^=NA i]", ["accent"]),
        CSSCase(".a.b > span", ["in a b"]),
        CSSCase("[class='a b'] span", ["in a b"]),
        CSSCase(".a\\ b span", []),
        CSSCase("#edge > div:has(span:only-child)::attr(class)", ["a b"]),
        CSSCase("#edge :not(p):not(div)", ["in a b"]),
    ]

    @Test("selectors select the expected nodes of a shop page", arguments: shopCases)
    func shopPage(testCase: CSSCase) throws {
        #expect(try CSSFixtures.select(testCase.selector, in: CSSFixtures.shop) == testCase.expected)
    }

    @Test("nth formulas and -of-type classes select the expected positions", arguments: listCases)
    func positions(testCase: CSSCase) throws {
        #expect(try CSSFixtures.select(testCase.selector, in: CSSFixtures.list) == testCase.expected)
    }

    @Test("the translation reads as plain XPath")
    func translation() throws {
        #expect(try CSSSelector("div > p").xpath == "descendant-or-self::div/p")
        #expect(try CSSSelector("div > p").relativeXPath == "descendant::div/p")
        #expect(try CSSSelector("a, b").xpath == "descendant-or-self::a | descendant-or-self::b")
        #expect(try CSSSelector("h1 + p::text").xpath == "descendant-or-self::h1/following-sibling::*[1]/self::p/text()")
        #expect(try CSSSelector("a::attr(href)").relativeXPath == "descendant::a/@href")
        #expect(try CSSSelector("#x").xpath == "descendant-or-self::*[@id = 'x']")
    }

    @Test("a selector is a value: same source, same selector")
    func value() throws {
        let selector = try CSSSelector("ul > li.product")
        #expect(selector == (try CSSSelector("ul > li.product")))
        #expect(selector != (try CSSSelector("ul li.product")))
        #expect(selector.source == "ul > li.product")
        #expect(selector.description == "ul > li.product")
    }

    @Test("a selector list compiled once is evaluated on several documents")
    func compiledOnce() throws {
        let selector = try CSSSelector("ul.products > li:not(.sold-out) > a::attr(href), #mixed h3::text")
        let expression = try XPathExpression(selector.xpath)
        let shop = try HTMLDocument(parsing: Array(CSSFixtures.shop.utf8))
        let list = try HTMLDocument(parsing: Array(CSSFixtures.list.utf8))
        #expect(try shop.evaluate(expression) == .nodes(["/p/1", "/p/2", "https://example.com/p/4", "/p/5.pdf"]))
        #expect(try list.evaluate(expression) == .nodes(["h1", "h2"]))
        // The same compiled expression again: evaluation leaves nothing behind.
        #expect(try shop.evaluate(expression) == .nodes(["/p/1", "/p/2", "https://example.com/p/4", "/p/5.pdf"]))
    }
}
