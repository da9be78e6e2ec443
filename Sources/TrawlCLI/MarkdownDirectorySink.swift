import Foundation
import Trawl
import TrawlContent
import TrawlCore

/// Passes items on to another sink and writes the Markdown of each page that has some into a
/// ``MarkdownDirectory`` (`--markdown-dir`); on close, writes the `llms.txt` indexes.
///
/// Thread-safe: the directory serializes its own bookkeeping and each page is one file.
struct MarkdownDirectorySink: ItemSink {
    let directory: MarkdownDirectory
    let next: any ItemSink

    func write(_ item: Item) async throws {
        try writeMarkdown(of: item)
        try await next.write(written(item))
    }

    func write(_ item: Item, jsonLine: String) async throws {
        try writeMarkdown(of: item)
        try await next.write(written(item), jsonLine: jsonLine)
    }

    /// Without the page's `Date` header, which the content processor hands this sink alone.
    func written(_ item: Item) -> Item {
        var item = item
        item.fields.removeAll { $0.name == ContentCommandOptions.fetchedFieldName }
        return item
    }

    private func writeMarkdown(of item: Item) throws {
        guard case .string(let markdown)? = item.fields.first(where: { $0.name == ContentField.markdown.rawValue })?.value
        else { return }
        let fetchedHeader = item.fields.first { $0.name == ContentCommandOptions.fetchedFieldName }?.value.stringValue
        let title = item.fields.first { $0.name == ContentField.title.rawValue }?.value.stringValue
        try directory.write(
            url: item.url, title: title, fetched: Self.isoDate(fromHTTPDate: fetchedHeader), markdown: markdown)
    }

    func close() async throws {
        try directory.finish()
        try await next.close()
    }

    /// The `Date` header as ISO 8601 UTC, or the current time when there is none or it does not parse.
    static func isoDate(fromHTTPDate header: String?) -> String {
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "GMT")
        parser.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        let date = header.flatMap { parser.date(from: $0) } ?? Date()
        return ISO8601DateFormatter().string(from: date)
    }
}
