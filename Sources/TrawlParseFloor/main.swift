// trawl-parse-floor: the parse-only floor for `trawl extract --all` (make bench).
//
// Reads every cached 2xx HTML response of a Trawl cache with the same scan `trawl extract`
// uses (bodies in pack order, read in batches while the previous batch is parsed), and parses
// each body with TrawlXML's HTMLDocument (the libxml2 options every processor uses) on all cores,
// doing nothing else: no XPath, no items, no output. `trawl extract --all` on the same cache can
// be no faster than this; the bench prints both and their ratio.
//
// Usage: trawl-parse-floor CACHE [--concurrency N]
// Prints: "parse-floor: PAGES pages, BYTES bytes in SECONDS s, RATE pages/s"
import Foundation
import TrawlCore
import TrawlStore
import TrawlXML

struct ParseFloorFailure: Error, CustomStringConvertible {
    let description: String
}

/// What one parse did: the body's size, and whether libxml2 gave a document.
struct Parsed: Sendable {
    var bytes: Int
    var ok: Bool
}

func parse(_ response: Response) -> Parsed {
    let document = try? HTMLDocument(parsing: response.body, url: response.finalURL)
    return Parsed(bytes: response.body.count, ok: document != nil)
}

func run(cachePath: String, concurrency: Int) async throws {
    let start = DispatchTime.now()
    let store = try SQLiteCrawlStore(path: cachePath, readOnly: true)
    var pages = 0, bytes = 0, failed = 0
    do {
        try await withThrowingTaskGroup(of: Parsed.self) { group in
            var running = 0
            for try await batch in store.scanResponses(including: { _, status in (200..<300).contains(status) }) {
                for response in batch where response.mediaType == "text/html" {
                    if running >= concurrency, let done = try await group.next() {
                        running -= 1
                        pages += 1
                        bytes += done.bytes
                        if !done.ok { failed += 1 }
                    }
                    group.addTask { parse(response) }
                    running += 1
                }
            }
            while let done = try await group.next() {
                pages += 1
                bytes += done.bytes
                if !done.ok { failed += 1 }
            }
        }
    } catch {
        try? await store.close()
        throw error
    }
    try await store.close()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let rate = seconds > 0 ? Double(pages) / seconds : 0
    let unparsed = failed > 0 ? " (\(failed) unparsable)" : ""
    print(String(format: "parse-floor: %d pages, %d bytes in %.2f s, %.0f pages/s", pages, bytes, seconds, rate) + unparsed)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var concurrency = ProcessInfo.processInfo.activeProcessorCount
if let flag = arguments.firstIndex(of: "--concurrency"), flag + 1 < arguments.count, let value = Int(arguments[flag + 1]),
    value >= 1
{
    concurrency = value
    arguments.removeSubrange(flag...(flag + 1))
}
guard arguments.count == 1, !arguments[0].hasPrefix("-") else {
    FileHandle.standardError.write(Data("usage: trawl-parse-floor CACHE [--concurrency N]\n".utf8))
    exit(2)
}
do {
    try await run(cachePath: arguments[0], concurrency: concurrency)
} catch {
    FileHandle.standardError.write(Data("trawl-parse-floor: \(error)\n".utf8))
    exit(1)
}
