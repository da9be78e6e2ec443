import Foundation
import Testing
import TrawlTestSupport

/// `--extract` forms, `--each` and `--null-missing` through the real binary.
@Suite(.timeLimit(.minutes(2)))
struct FieldsCommandTests {
    private func crawlListing(_ extra: [String]) async throws -> (status: Int32, items: [[String: Any]], stderr: String) {
        let server = try TestHTTPServer(routes: ["/": .html(ProductListing.html)])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let result = try await TrawlProcess.run(
            ["crawl", server.url("/"), "--max-depth", "0", "--cache", folder.path("c.sqlite"), "-o", "-"] + extra)
        return (result.status, jsonLines(result.stdout), result.stderr)
    }

    /// The product items the listing should give, whichever syntax selected them.
    private func expectProducts(_ items: [[String: Any]], nullMissing: Bool) {
        #expect(items.count == ProductListing.count)
        for (position, item) in items.enumerated() {
            #expect(item["index"] as? Int == position)
            #expect(item["name"] as? String == ProductListing.name(position))
            #expect(item["tags"] as? [String] == ProductListing.tags(position))
            let price = ProductListing.price(position).flatMap(Double.init)
            if let price {
                #expect(item["price"] as? Double == price)
            } else {
                #expect(item.keys.contains("price") == nullMissing, "product \(position)")
                if nullMissing { #expect(item["price"] is NSNull) }
            }
        }
    }

    @Test("--each with CSS: one line per product with url and index, stable types, null for missing prices")
    func eachCSS() async throws {
        let (status, items, stderr) = try await crawlListing([
            "--each", "css:div.product", "--extract", "name=css:h2", "--extract", "price:number=css:span.price::text",
            "--extract", "tags[]=css:li.tag::text", "--extract", "link=css:a.more::attr(href)", "--null-missing",
        ])
        #expect(status == 0, "\(stderr)")
        expectProducts(items, nullMissing: true)
        #expect(items.first?["link"] as? String == "/p/0")
        #expect(items.allSatisfy { ($0["url"] as? String)?.hasSuffix("/") == true })
        #expect(stderr.contains("field values not converted: 1"), "\(stderr)")
    }

    @Test("--each with XPath and relative XPath fields gives the same products; missing prices are left out")
    func eachXPath() async throws {
        let (status, items, stderr) = try await crawlListing([
            "--each", "//div[@class='product']", "--extract", "name=./h2", "--extract", "price:number=.//span[@class='price']",
            "--extract", "tags[]=xpath:ul/li",
        ])
        #expect(status == 0, "\(stderr)")
        expectProducts(items, nullMissing: false)
    }

    @Test("without --each: the first match by default, all with [], raw text with :raw, types with :integer")
    func pageFields() async throws {
        let (status, items, stderr) = try await crawlListing([
            "--extract", "first=//h2", "--extract", "all[]=css:h2", "--extract", "raw:raw=//h2",
            "--extract", "count:integer=xpath:count(//div)", "--extract", "og:title=//title", "--extract", "none[]=css:table",
            "--extract", "missing=//table", "--null-missing",
        ])
        #expect(status == 0, "\(stderr)")
        #expect(items.count == 1)
        let item = try #require(items.first)
        #expect(item["first"] as? String == "Product 0")
        #expect((item["all"] as? [String])?.count == ProductListing.count)
        #expect(item["raw"] as? String == "\n    Product\u{A0}  0\n  ")
        #expect(item["count"] as? Int == ProductListing.count)
        #expect(item["og:title"] as? String == "Listing", "a name with a colon that is not a modifier is kept")
        #expect(item["none"] as? [String] == [])
        #expect(item["missing"] is NSNull)
    }

    @Test("--each over a JSON API: one item per result with $ as the result")
    func eachJSON() async throws {
        let api = try PokemonAPIFixture()
        let folder = try TemporaryFolder()
        defer { folder.remove(); api.stop() }
        let result = try await TrawlProcess.run([
            "crawl", api.indexURL, "--max-depth", "0", "--cache", folder.path("c.sqlite"), "-o", "-", "--quiet",
            "--each", "$.results[*]", "--extract", "name=$.name", "--extract", "url2=jsonpath:$.url",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let items = jsonLines(result.stdout)
        #expect(!items.isEmpty)
        #expect(items.enumerated().allSatisfy { $0.element["index"] as? Int == $0.offset })
        #expect(items.allSatisfy { $0["name"] is String && $0["url2"] is String && $0["url"] as? String == api.indexURL })
    }
}
