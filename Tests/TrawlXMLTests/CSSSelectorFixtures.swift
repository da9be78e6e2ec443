import TrawlXML

/// HTML documents the CSS selector tests select from, and helpers to evaluate a selector
/// through libxml2 the way the HTML processor will.
enum CSSFixtures {
    static let shop = """
        <!DOCTYPE html>
        <html lang="en"><head><title>Shop</title></head>
        <body>
        <div id="main" class="page  wide">
          <h1 class="title">Products</h1>
          <ul class="products">
            <li class="product featured" data-sku="A-1" lang="en-US"><a href="/p/1" class="link">Apple</a> <span class="price">1.00</span></li>
            <li class="product" data-sku="B-2" lang="en"><a href="/p/2">Banana</a> <span class="price sale">2.00</span></li>
            <li class="product sold-out" data-sku="c-3" lang="fr"><a href="/p/3" rel="nofollow">Cherry</a></li>
            <li class="product" data-sku="D-4"><a href="https://example.com/p/4">Date</a> <span class="price">4.00</span></li>
            <li class="product productive" data-sku=""><a href="/p/5.pdf" title="it's &quot;ripe&quot;">Elder</a></li>
          </ul>
          <p>First <b>bold</b> tail</p>
          <p class="note">Second</p>
          <div class="empty"></div>
          <div class="comment"><!-- nothing --></div>
          <div class="space"> </div>
          <p>Third</p>
          <section><h2>Has</h2><p>child</p></section>
          <section><h2>Deep</h2><div><p>grandchild</p></div></section>
          <section><h2>None</h2></section>
        </div>
        <form id="search"><INPUT TYPE="Text" Name="q"><input type="checkbox" name="c" checked><button>Go</button></form>
        </body></html>
        """

    static let list = """
        <html><body><ol>
        <li>1</li><li>2</li><li>3</li><li>4</li><li>5</li><li>6</li><li>7</li><li>8</li><li>9</li><li>10</li>
        </ol>
        <div id="mixed"><h3>h1</h3><p>p1</p><p>p2</p><h3>h2</h3><p>p3</p><p>p4</p><p>p5</p><span>s1</span></div>
        <div id="edge"><p id="a.b" class="café  x" xml:lang="de">dotted</p><p title="naïve é" class="x">accent</p>
        <div class="a b"><span>in a b</span></div></div>
        </body></html>
        """

    /// The string value of each node `selector` selects in `html`, in document order.
    static func select(_ selector: String, in html: String) throws -> [String] {
        try evaluate(CSSSelector(selector).xpath, in: html)
    }

    /// The string values of the nodes the selector's ``CSSSelector/relativeXPath`` selects with
    /// the element `scope` (an XPath selecting one element) as the context.
    ///
    /// HTMLDocument evaluates from the document node, so each branch of the relative union is
    /// appended to `scope`; the test selectors keep `|` out of their attribute values.
    static func select(_ selector: String, within scope: String, in html: String) throws -> [String] {
        let relative = try CSSSelector(selector).relativeXPath
        let scoped = relative.components(separatedBy: " | ").map { "(\(scope))/\($0)" }
        return try evaluate(scoped.joined(separator: " | "), in: html)
    }

    static func evaluate(_ xpath: String, in html: String) throws -> [String] {
        let document = try HTMLDocument(parsing: Array(html.utf8))
        guard case .nodes(let values) = try document.evaluate(XPathExpression(xpath)) else { return ["not a node set"] }
        return values
    }
}
