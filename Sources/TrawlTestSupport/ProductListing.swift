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
}
