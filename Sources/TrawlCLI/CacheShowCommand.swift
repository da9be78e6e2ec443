import ArgumentParser
import Foundation
import TrawlCore
import TrawlStore
import TrawlURL

/// `trawl cache show URL`: one cached response, as stored.
struct CacheShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one cached response: status line, headers, a blank line, the body.",
        discussion: """
            The URL is canonicalised as the crawler does before lookup. Headers are the ones \
            stored; the body is stored decoded (no Content-Encoding applies to it). --body writes \
            the body bytes exactly, nothing else. Exit status 1 when the URL is not cached.
            """)

    @Argument(help: ArgumentHelp("The URL to show.", valueName: "url"))
    var url: String

    @OptionGroup var location: CacheLocation

    @Flag(help: "Print the status line and headers only.")
    var headers = false

    @Flag(help: "Print the body bytes only, exactly as stored.")
    var body = false

    func validate() throws {
        if headers && body { throw ValidationError("--headers and --body exclude each other") }
    }

    func run() async throws {
        let key = try Self.cacheKey(for: url)
        let store = try location.openReadOnly()
        let response: Response?
        do {
            response = try await store.cachedResponse(forKey: key)
            try await store.close()
        } catch {
            try? await store.close()
            throw CrawlFailure(message: "\(error)")
        }
        guard let response else { throw CrawlFailure(message: "not in the cache: \(key)") }
        var bytes: [UInt8] = []
        if !body {
            var head = "HTTP/1.1 \(response.status) \(HTTPReason.phrase(for: response.status))\n"
            for field in response.headers { head += "\(field.name): \(field.value)\n" }
            bytes = Array(head.utf8)
        }
        if !headers && !body { bytes.append(UInt8(ascii: "\n")) }
        if !headers { bytes.append(contentsOf: response.body) }
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(bytes))
        } catch {
            throw CrawlFailure(message: "cannot write to stdout: \(error)")
        }
    }

    /// The key the crawler stores `argument` under: its canonical form.
    static func cacheKey(for argument: String) throws -> String {
        let url: WebURL
        do { url = try WebURL(argument) } catch {
            throw ValidationError("invalid URL '\(argument)': \(error.reason)")
        }
        guard url.isHTTP else { throw ValidationError("invalid URL '\(argument)': only http and https are cached") }
        return url.canonicalString
    }
}
