// trawl-cache-bench: a developer tool that measures the cache's size and warm-read speed.
//
// Reads "URL<TAB>FILE" lines (scripts/cache-order.py writes them from a generated bench site,
// in crawl order, every host interleaved), stores each file as a 200 text/html response through
// SQLiteCrawlStore (so through the real writer, its batches and its packs), closes the store,
// then reopens it and reads every response back in the same order, as a warm crawl does.
// Prints the file size, the bodies' bytes and both timings. Not a test: it asserts nothing.
//
// Usage: trawl-cache-bench ORDER.tsv CACHE.sqlite
import Foundation
import TrawlCore
import TrawlStore

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
}

func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

func run(orderPath: String, cachePath: String) async throws {
    guard let order = try? String(contentsOfFile: orderPath, encoding: .utf8) else {
        throw BenchFailure(description: "cannot read \(orderPath)")
    }
    let pages = order.split(separator: "\n").compactMap { line -> (url: String, file: String)? in
        let fields = line.split(separator: "\t")
        return fields.count == 2 ? (String(fields[0]), String(fields[1])) : nil
    }
    for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: cachePath + suffix) }

    var rawBytes = 0
    let writeStart = DispatchTime.now()
    // The batch size `trawl crawl` uses (CrawlCommand); the rows a batch holds decide pack sizes.
    let store = try SQLiteCrawlStore(path: cachePath, batchSize: 1_024)
    for page in pages {
        guard let body = FileManager.default.contents(atPath: page.file) else {
            throw BenchFailure(description: "cannot read \(page.file)")
        }
        rawBytes += body.count
        let headers: HTTPHeaders = [
            ("Server", "nginx/1.22.1"), ("Date", "Tue, 01 Dec 2026 06:00:00 GMT"),
            ("Content-Type", "text/html"), ("Last-Modified", "Tue, 01 Dec 2026 05:00:00 GMT"),
            ("ETag", "\"692d2a50-\(String(body.count, radix: 16))\""), ("Content-Encoding", "gzip"),
        ]
        try await store.store(
            Response(requestedURL: page.url, status: 200, headers: headers, body: [UInt8](body), elapsed: 0.002),
            key: page.url)
    }
    try await store.close()
    let writeSeconds = seconds(since: writeStart)
    let fileBytes = (try? FileManager.default.attributesOfItem(atPath: cachePath)[.size] as? Int) ?? 0

    let readStart = DispatchTime.now()
    let reader = try SQLiteCrawlStore(path: cachePath, readOnly: true)
    var readBytes = 0
    for page in pages {
        guard let response = try await reader.cachedResponse(forKey: page.url) else {
            throw BenchFailure(description: "miss for \(page.url)")
        }
        readBytes += response.body.count
    }
    try await reader.close()
    let readSeconds = seconds(since: readStart)
    guard readBytes == rawBytes else { throw BenchFailure(description: "read \(readBytes) bytes of \(rawBytes)") }

    let statistics = try SQLiteCrawlStore(path: cachePath, readOnly: true)
    let stats = try await statistics.statistics()
    try await statistics.close()
    print("pages \(pages.count), bodies \(rawBytes) bytes")
    print("cache file \(fileBytes) bytes; packs \(stats.packs), stored bodies \(stats.storedBodyBytes) bytes")
    print(String(format: "write %.2f s (%.0f pages/s), warm read %.2f s (%.0f pages/s)",
                 writeSeconds, Double(pages.count) / writeSeconds, readSeconds, Double(pages.count) / readSeconds))
}

let arguments = CommandLine.arguments
if arguments.count != 3 {
    FileHandle.standardError.write(Data("usage: trawl-cache-bench ORDER.tsv CACHE.sqlite\n".utf8))
    exit(2)
}
do {
    try await run(orderPath: arguments[1], cachePath: arguments[2])
} catch {
    FileHandle.standardError.write(Data("trawl-cache-bench: \(error)\n".utf8))
    exit(1)
}
