import Crypto
import Foundation
import TrawlCore
import TrawlZlib

/// Writes cached responses as a WARC 1.1 file, each record its own gzip member (`.warc.gz`),
/// deflated at gzip's default level: a reader can seek to any record, and templated pages shrink
/// to about a fifth.
///
/// The file starts with a `warcinfo` record. Each response becomes a `request` record (the GET
/// Trawl sends, reconstructed) and a `response` record, pointing at each other with
/// `WARC-Concurrent-To`. Bodies are stored decoded in the cache, so the response's
/// `Content-Encoding` and `Transfer-Encoding` are dropped and `Content-Length` is the stored
/// body's length; the `warcinfo` record says so. Digests are `sha1:` + base32, as warcio checks.
///
/// Not Sendable: one task writes one file. Writes block on the file; call it from a command,
/// not from a crawl's hot path.
public final class WARCWriter {
    private let handle: FileHandle
    private let path: String
    let userAgent: String
    private let dateFormatter: ISO8601DateFormatter
    private let deflater: GzipDeflater
    /// Records written so far, `warcinfo` included.
    public private(set) var records = 0

    /// Creates (or truncates) the file at `path` and writes the `warcinfo` record.
    ///
    /// - Parameter userAgent: the User-Agent of the reconstructed requests.
    /// - Throws: ``WARCError`` when the file cannot be created or written.
    public init(path: String, userAgent: String) throws(WARCError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw WARCError(path: path, message: "cannot create the file") }
        do {
            self.deflater = try GzipDeflater()
        } catch {
            throw WARCError(path: path, message: "\(error)")
        }
        self.handle = handle
        self.path = path
        self.userAgent = userAgent
        self.dateFormatter = ISO8601DateFormatter()
        dateFormatter.formatOptions = [.withInternetDateTime]
        try writeInfo()
    }

    deinit {
        try? handle.close()
    }

    /// Closes the file; every later write fails.
    public func close() throws(WARCError) {
        do { try handle.close() } catch { throw WARCError(path: path, message: "\(error)") }
    }

    private func writeInfo() throws(WARCError) {
        let fields = """
            software: Trawl/\(TrawlVersion.current)\r
            format: WARC File Format 1.1\r
            conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r
            description: exported from a Trawl cache. Bodies are stored decoded: Content-Encoding and \
            Transfer-Encoding are removed from each response and Content-Length is set to the stored body.\r

            """
        try write(WARCRecord(
            fields: [
                ("WARC-Type", "warcinfo"), ("WARC-Record-ID", WARCRecord.newRecordID()),
                ("WARC-Date", dateFormatter.string(from: Date())),
                ("WARC-Filename", URL(fileURLWithPath: path).lastPathComponent),
                ("Content-Type", "application/warc-fields"),
            ],
            block: Array(fields.utf8)))
    }

    /// Writes the request and response records of `response`, cached under `url` (the canonical
    /// URL Trawl requested, which becomes `WARC-Target-URI`), dated `bodyDate` (when the body was
    /// received; by default the response's fetch time). Returns the response record's id.
    @discardableResult
    public func write(_ response: Response, url: String, bodyDate: Date? = nil) throws(WARCError) -> String {
        let date = dateFormatter.string(from: bodyDate ?? response.fetchedAt)
        let requestID = WARCRecord.newRecordID(), responseID = WARCRecord.newRecordID()
        let request = Array(Self.requestHead(for: url, userAgent: userAgent).utf8)
        var block = Array(Self.responseHead(for: response).utf8)
        block.append(contentsOf: response.body)
        try write(WARCRecord(
            fields: [
                ("WARC-Type", "request"), ("WARC-Record-ID", requestID), ("WARC-Date", date),
                ("WARC-Target-URI", url), ("WARC-Concurrent-To", responseID),
                ("WARC-Block-Digest", Self.digest(request)),
                ("Content-Type", "application/http;msgtype=request"),
            ],
            block: request))
        try write(WARCRecord(
            fields: [
                ("WARC-Type", "response"), ("WARC-Record-ID", responseID), ("WARC-Date", date),
                ("WARC-Target-URI", url), ("WARC-Concurrent-To", requestID),
                ("WARC-Payload-Digest", Self.digest(response.body)), ("WARC-Block-Digest", Self.digest(block)),
                ("Content-Type", "application/http;msgtype=response"),
            ],
            block: block))
        return responseID
    }

    func write(_ record: WARCRecord) throws(WARCError) {
        do {
            try handle.write(contentsOf: try deflater.member(record.serialized))
        } catch {
            throw WARCError(path: path, message: "\(error)")
        }
        records += 1
    }

    func timestamp(_ date: Date) -> String {
        dateFormatter.string(from: date)
    }

    /// `sha1:` and the base32 SHA-1 of `bytes`.
    static func digest(_ bytes: [UInt8]) -> String {
        "sha1:" + Base32.encode(Insecure.SHA1.hash(data: bytes))
    }

    /// The GET Trawl sends for `url`: request target, Host (with a non-default port) and User-Agent.
    static func requestHead(for url: String, userAgent: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else {
            return "GET \(url) HTTP/1.1\r\nUser-Agent: \(userAgent)\r\n\r\n"
        }
        var target = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { target += "?" + query }
        let hostField = components.port.map { "\(host):\($0)" } ?? host
        return "GET \(target) HTTP/1.1\r\nHost: \(hostField)\r\nUser-Agent: \(userAgent)\r\nAccept: */*\r\n\r\n"
    }

    /// The status line and the stored headers without Content-Encoding, Transfer-Encoding and
    /// the server's Content-Length, then the stored body's Content-Length and the blank line.
    static func responseHead(for response: Response) -> String {
        var head = "HTTP/1.1 \(response.status) \(HTTPReason.phrase(for: response.status))\r\n"
        let dropped = ["Content-Encoding", "Transfer-Encoding", "Content-Length"]
        for field in response.headers where !dropped.contains(where: { field.name.caseInsensitiveEquals($0) }) {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\n\r\n"
        return head
    }
}

/// Confined to one task at a time; see the type's documentation.
@available(*, unavailable)
extension WARCWriter: Sendable {}
