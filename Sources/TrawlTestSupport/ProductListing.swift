/// A listing page of products for `each` tests: messy whitespace, optional and malformed
/// prices, and a varying number of tags, so that stable field types are visible.
public enum ProductListing {
    /// Products on the page, numbered 0 to `count - 1`.
    public static let count = 50
    /// The page's `<h1>`.
    public static let heading = "All products"

    /// The product's name as a reader sees it: `Product 3`.
    public static func name(_ index: Int) -> String { "Product \(index)" }

    /// The price text: none for every tenth product (9, 19, …), `N/A` for product 7.
    public static func price(_ index: Int) -> String? {
        if index % 10 == 9 { return nil }
        if index == 7 { return "N/A" }
        return "\(index).50"
    }

    /// Two tags for even products, one for odd ones.
    public static func tags(_ index: Int) -> [String] {
        index.isMultiple(of: 2) ? ["red", "sale"] : ["blue"]
    }

    /// The product's link, relative to the page.
    public static func link(_ index: Int) -> String { "/p/\(index)" }

    /// The whole page.
    public static var html: String {
        var html = "<!DOCTYPE html><html><head><title>Listing</title></head><body><h1>\(heading)</h1>\n"
        for index in 0..<count {
            html += "<div class=\"product\" data-id=\"\(index)\">\n  <h2>\n    Product\u{A0}  \(index)\n  </h2>\n"
            if let price = price(index) { html += "  <span class=\"price\"> \(price) </span>\n" }
            html += "  <ul>" + tags(index).map { "<li class=\"tag\">\($0)</li>" }.joined() + "</ul>\n"
            html += "  <a class=\"more\" href=\"\(link(index))\">details</a>\n</div>\n"
        }
        return html + "</body></html>\n"
    }

    /// Product `index`'s own page: its name, its price as a number and a description, and a
    /// link away that a detail page must not lead to.
    public static func detailHTML(_ index: Int) -> String {
        "<html><body><h1>Detail \(index)</h1><span class=\"price\">\(index).50</span>"
            + "<p class=\"description\">About \(index)</p><a href=\"/elsewhere\">away</a></body></html>"
    }

    /// The listing at `/`, each product's page at its ``link(_:)`` and `/elsewhere`.
    public static var routes: [String: TestResponse] {
        var routes: [String: TestResponse] = ["/": .html(html), "/elsewhere": .html("<html><body><h1>Away</h1></body></html>")]
        for index in 0..<count { routes[link(index)] = .html(detailHTML(index)) }
        return routes
    }
}
