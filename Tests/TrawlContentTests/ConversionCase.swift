import Testing
import TrawlContent

/// One HTML-to-Markdown conversion: a body fragment and the Markdown it must give.
struct ConversionCase: CustomTestStringConvertible, Sendable {
    var name: String
    var html: String
    var markdown: String
    var url = "https://example.org/docs/page.html"
    var options = ContentOptions(detectsMainContent: false)

    var testDescription: String { name }

    /// The Markdown the extractor gives for the fragment, main-content detection off.
    func convert() throws -> String {
        let page = "<!DOCTYPE html><html><head><title>t</title></head><body>\(html)</body></html>"
        return try ContentExtractor(options: options).extract(body: Array(page.utf8), url: url).markdown
    }
}
