import ArgumentParser
import Trawl
import TrawlContent
import TrawlCore

/// The options of the content processor, shared by `crawl` and `extract`: main content as
/// Markdown and text, how links are written, and the Markdown folder.
struct ContentCommandOptions: ParsableArguments {
    @Flag(name: .customLong("content"), help: "Add each HTML page's main content and metadata: markdown, text, title, description, language, canonical, author, published, word_count.")
    var enabled = false

    @Option(name: .customLong("content-links"), help: ArgumentHelp("Links in the content's Markdown: keep ([text](url)), text (the text only) or drop.", valueName: "mode"))
    var links = "keep"

    @Option(name: .customLong("markdown-dir"), help: ArgumentHelp("Also write one .md file per page under this folder (front matter: url, title, fetched) and an llms.txt per host; implies --content.", valueName: "dir"))
    var markdownDirectory: String?

    /// The field name the processor uses, with --markdown-dir, to hand the page's `Date`
    /// header to the Markdown folder; removed before the item is written.
    static let fetchedFieldName = "\u{1}fetched"

    func validate() throws {
        guard ContentOptions.LinkMode(rawValue: links) != nil else {
            throw ValidationError("unknown --content-links '\(links)': use keep, text or drop")
        }
    }

    /// The extractor the options describe (rules with `content:` use it too).
    var extractor: ContentExtractor {
        ContentExtractor(options: ContentOptions(links: ContentOptions.LinkMode(rawValue: links) ?? .keep))
    }

    /// The content processor for every HTML page, or nil when neither --content nor
    /// --markdown-dir is given.
    func makeProcessor() -> ContentProcessor? {
        guard enabled || markdownDirectory != nil else { return nil }
        return ContentProcessor(
            extractor: extractor, fields: ContentField.allCases,
            fetchedFieldName: markdownDirectory == nil ? nil : Self.fetchedFieldName)
    }

    /// The item field names the processor adds, for the CSV header.
    var fieldNames: [String] { enabled || markdownDirectory != nil ? ContentField.allCases.map(\.rawValue) : [] }

    /// `sink`, or with --markdown-dir a sink that also writes each page's Markdown file.
    func wrap(_ sink: any ItemSink) throws(ValidationError) -> any ItemSink {
        guard let markdownDirectory else { return sink }
        do {
            return MarkdownDirectorySink(directory: try MarkdownDirectory(root: markdownDirectory), next: sink)
        } catch {
            throw ValidationError("--markdown-dir: \(error)")
        }
    }
}
