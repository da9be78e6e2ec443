import TrawlCore

/// Reads HTTP/1.1 requests one after another from a blocking socket.
///
/// Parses the request line, header fields and a `Content-Length` body; keeps any bytes of a
/// pipelined next request for the following call. Not Sendable: one connection thread owns it.
struct RequestReader {
    /// Header blocks larger than this are refused; a real client never sends one.
    static let maxHeadSize = 64 * 1024

    enum Result {
        /// A complete request.
        case request(TestRequest)
        /// The peer closed (or the socket was shut down) between requests.
        case closed
        /// The bytes were not an acceptable request; answer with this status and close.
        case invalid(status: Int)
    }

    let fd: Int32
    let connectionID: Int
    private var buffer: [UInt8] = []

    init(fd: Int32, connectionID: Int) {
        self.fd = fd
        self.connectionID = connectionID
    }

    /// Blocks until the next request is read.
    mutating func next() -> Result {
        var searchFrom = 0
        var headEnd: Int?
        while true {
            headEnd = Self.findHeadEnd(buffer, from: searchFrom)
            if headEnd != nil { break }
            if buffer.count > Self.maxHeadSize { return .invalid(status: 431) }
            searchFrom = max(0, buffer.count - 3)
            let more = Socket.receive(fd)
            if more.isEmpty { return .closed }
            buffer += more
        }
        guard let headEnd else { return .closed }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)

        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        // Tolerate blank lines before a request line, as RFC 9112 asks.
        while lines.first?.isEmpty == true { lines.removeFirst() }
        guard let requestLine = lines.first else { return .invalid(status: 400) }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return .invalid(status: 400) }

        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return .invalid(status: 400) }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.add(name: name, value: String(value.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
        }

        var body: [UInt8] = []
        if let lengthText = headers["Content-Length"] {
            guard let length = Int(lengthText), length >= 0 else { return .invalid(status: 400) }
            while buffer.count < length {
                let more = Socket.receive(fd)
                if more.isEmpty { return .closed }
                buffer += more
            }
            body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else if headers["Transfer-Encoding"] != nil {
            return .invalid(status: 411)
        }

        return .request(
            TestRequest(
                method: String(parts[0]), target: String(parts[1]), version: String(parts[2]),
                headers: headers, body: body, connectionID: connectionID))
    }

    /// The index of the `\r\n\r\n` ending the head, searching from `start`.
    private static func findHeadEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var i = start
        while i + 3 < bytes.count {
            if bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
                return i
            }
            i += 1
        }
        return nil
    }
}
