import Foundation

/// One WARC 1.1 record: named header fields and a block, serialized with the mandatory
/// `WARC/1.1` line, `Content-Length` and the two CRLFs that end a record.
struct WARCRecord {
    var fields: [(name: String, value: String)]
    var block: [UInt8]

    /// A fresh `<urn:uuid:…>` record id.
    static func newRecordID() -> String {
        "<urn:uuid:\(UUID().uuidString.lowercased())>"
    }

    /// The record as it goes into the file (before gzip).
    var serialized: [UInt8] {
        var head = "WARC/1.1\r\n"
        for field in fields { head += "\(field.name): \(field.value)\r\n" }
        head += "Content-Length: \(block.count)\r\n\r\n"
        var out = Array(head.utf8)
        out.reserveCapacity(out.count + block.count + 4)
        out.append(contentsOf: block)
        out.append(contentsOf: Array("\r\n\r\n".utf8))
        return out
    }
}
