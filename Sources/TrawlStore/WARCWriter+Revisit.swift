import Foundation
import TrawlCore

extension WARCWriter {
    /// The WARC 1.1 revisit profile for a 304 to a conditional request.
    static let serverNotModified = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"

    /// Writes the records of a 304 revalidation of `response` at `date`: the conditional request
    /// (`If-None-Match` / `If-Modified-Since` from the stored validators) and a `revisit` record,
    /// profile server-not-modified, whose block is the 304's head and which refers to the response
    /// record `refersTo` written at `bodyDate` with the body.
    public func writeRevisit(
        _ response: Response, url: String, date: Date, refersTo: String, bodyDate: Date
    ) throws(WARCError) {
        let stamp = timestamp(date)
        let requestID = WARCRecord.newRecordID(), revisitID = WARCRecord.newRecordID()
        // The head ends with the blank line; the conditions go before it.
        var requestBlock = Array(Self.requestHead(for: url, userAgent: userAgent).utf8.dropLast(2))
        if let etag = response.headers["ETag"] { requestBlock += Array("If-None-Match: \(etag)\r\n".utf8) }
        if let modified = response.headers["Last-Modified"] {
            requestBlock += Array("If-Modified-Since: \(modified)\r\n".utf8)
        }
        requestBlock += Array("\r\n".utf8)
        let head = Array(Self.notModifiedHead(for: response).utf8)
        try write(WARCRecord(
            fields: [
                ("WARC-Type", "request"), ("WARC-Record-ID", requestID), ("WARC-Date", stamp),
                ("WARC-Target-URI", url), ("WARC-Concurrent-To", revisitID),
                ("WARC-Block-Digest", Self.digest(requestBlock)),
                ("Content-Type", "application/http;msgtype=request"),
            ],
            block: requestBlock))
        try write(WARCRecord(
            fields: [
                ("WARC-Type", "revisit"), ("WARC-Record-ID", revisitID), ("WARC-Date", stamp),
                ("WARC-Target-URI", url), ("WARC-Concurrent-To", requestID),
                ("WARC-Profile", Self.serverNotModified), ("WARC-Refers-To", refersTo),
                ("WARC-Refers-To-Target-URI", url), ("WARC-Refers-To-Date", timestamp(bodyDate)),
                ("WARC-Payload-Digest", Self.digest(response.body)), ("WARC-Block-Digest", Self.digest(head)),
                ("Content-Type", "application/http;msgtype=response"),
            ],
            block: head))
    }

    /// A 304's status line and the stored (freshened) headers, without the body's framing fields.
    static func notModifiedHead(for response: Response) -> String {
        var head = "HTTP/1.1 304 Not Modified\r\n"
        let dropped = ["Content-Encoding", "Transfer-Encoding", "Content-Length"]
        for field in response.headers where !dropped.contains(where: { field.name.caseInsensitiveEquals($0) }) {
            head += "\(field.name): \(field.value)\r\n"
        }
        return head + "\r\n"
    }
}
