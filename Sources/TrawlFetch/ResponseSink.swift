import TrawlCore

/// Receives one transfer's header lines and body from libcurl's callbacks.
///
/// Owned by a ``CurlEasyHandle``, which hands libcurl an unretained pointer to it; used only on
/// the fetch loop thread, inside `curl_multi_perform`.
final class ResponseSink {
    /// The decoded body so far.
    private(set) var body: [UInt8] = []
    /// The fields of the latest response header block (interim 1xx blocks are dropped).
    private(set) var headers = HTTPHeaders()
    /// Set when the body callback refused data for going over ``maxBodyBytes``.
    private(set) var bodyLimitExceeded = false
    /// The largest decoded body accepted.
    var maxBodyBytes = 0

    /// Forgets everything received, ready for the next transfer.
    func reset(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
        body = []
        headers = HTTPHeaders()
        bodyLimitExceeded = false
    }

    /// Takes the body out, leaving the sink empty (no copy of the bytes).
    func takeBody() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &body)
        return taken
    }

    /// Appends body bytes; false (refuse the data) when they would go over the limit.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count <= maxBodyBytes - body.count else {
            bodyLimitExceeded = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Handles one raw header line as libcurl delivers it (with its CRLF).
    ///
    /// A status line starts a new block, so the fields of `100 Continue` and other interim
    /// responses never mix with the final response's.
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        // Trim the line ending as bytes: Swift sees "\r\n" as one Character.
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x0A { end -= 1 }
        let line = Substring(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<end]), as: UTF8.self))
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
            return
        }
        guard !line.isEmpty else { return }
        if let first = line.first, first == " " || first == "\t" {
            // An obsolete folded continuation line: part of the previous field's value.
            var fields = headers.fields
            guard let previous = fields.popLast() else { return }
            let more = line.drop { $0 == " " || $0 == "\t" }
            fields.append(HTTPHeaderField(name: previous.name, value: previous.value + " " + more))
            headers = HTTPHeaders(fields)
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            .trimmingTrailingWhitespace()
        headers.add(name: name, value: String(value))
        if name.caseInsensitiveEquals("Content-Length"), body.isEmpty,
            let length = Int(value), length > 0
        {
            body.reserveCapacity(min(length, maxBodyBytes, 1 << 24))
        }
    }
}

extension Substring {
    fileprivate func trimmingTrailingWhitespace() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
