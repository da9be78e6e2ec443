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
        var item = item
        let fetchedIndex = item.fields.firstIndex { $0.name == ContentCommandOptions.fetchedFieldName }
        let fetchedHeader = fetchedIndex.map { item.fields[$0].value.stringValue }
        if let fetchedIndex { item.fields.remove(at: fetchedIndex) }
        if case .string(let markdown)? = item.fields.first(where: { $0.name == ContentField.markdown.rawValue })?.value {
            let title = item.fields.first { $0.name == ContentField.title.rawValue }?.value.stringValue
            try directory.write(
                url: item.url, title: title, fetched: Self.isoDate(fromHTTPDate: fetchedHeader), markdown: markdown)
        }
        try await next.write(item)
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
