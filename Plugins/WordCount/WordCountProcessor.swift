import TrawlCore
import TrawlXML

/// An example processor, kept small on purpose: the template for writing one in Swift.
///
/// It adds a `word_count` field to every HTML page: the number of whitespace-separated words in
/// the text of `<body>` (scripts and styles left out). It follows no links (the HTML processor
/// does that) and leaves every other page alone.
///
/// How a processor plugs in:
/// 1. A target of its own under `Plugins/<Name>/`, declared in `Package.swift` with an explicit
///    `path:` and depending only on `TrawlCore` (plus what it needs: here `TrawlXML`, the only
///    importer of libxml2). It never sees the frontier, the fetcher or the store.
/// 2. A type conforming to ``TrawlCore/Processor`` (or `AsyncProcessor` when it must wait for
///    something, as the command processor does): `name` for logs and errors, and
///    `process(_:)`, which returns ``TrawlCore/ProcessorOutput`` fields, items and links, or
///    ``TrawlCore/ProcessorOutput/empty`` for pages that do not concern it.
/// 3. Registered by whoever builds the `Crawler`: an embedding program passes it in
///    `processors:` beside the built-in ones (see the tests), and the `trawl` command registers
///    its built-ins in `Sources/TrawlCLI/ExtractionSpec.swift` (`BuiltInProcessors`).
///
/// Threading: `process(_:)` is called for every 2xx page, from many tasks at once, on the
/// cooperative pool and never on the frontier actor; so the type holds no mutable state, and
/// the call must not block on I/O or sleep (that would stall the pool's two threads here).
/// Throwing fails the page as `processing`; the crawl goes on.
public struct WordCountProcessor: Processor {
    /// The text of the body, without scripts and styles, compiled once.
    private let bodyText: XPathExpression

    public init() throws(XMLError) {
        bodyText = try XPathExpression("//body//text()[not(ancestor::script or ancestor::style)]")
    }

    public var name: String { "word-count" }

    public func process(_ page: Page) throws -> ProcessorOutput {
        guard page.mediaType?.isHTML == true else { return .empty }
        let document = try HTMLDocument(parsing: page.body, url: page.url, encoding: page.mediaType?.charset)
        guard case .nodes(let texts) = try document.evaluate(bodyText) else { return .empty }
        let words = texts.reduce(0) { count, text in
            count + text.split(whereSeparator: { $0.isWhitespace }).count
        }
        return ProcessorOutput(fields: [Field(name: "word_count", value: .number(String(words)))])
    }
}
