import Foundation
import TrawlCore

/// Serves one accepted connection on its own thread: read a request, call the handler, write
/// the response, repeat until either side closes.
///
/// Not Sendable: created and run on the connection's thread only.
struct HTTPConnection {
    let fd: Int32
    let id: Int
    let core: ServerCore

    /// Generated filler for streamed bodies: printable, newline-separated, 64 KiB.
    private static let filler: [UInt8] = {
        let line = Array("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:\n".utf8)
        var block: [UInt8] = []
        block.reserveCapacity(65536)
        while block.count < 65536 { block += line }
        return Array(block.prefix(65536))
    }()

    func run() {
        var reader = RequestReader(fd: fd, connectionID: id)
        var reset = false
        loop: while true {
            switch reader.next() {
            case .closed:
                break loop
            case .invalid(let status):
                var response = TestResponse.status(status)
                response.closeAfter = true
                _ = write(response, to: TestRequest(method: "GET", target: "/", connectionID: id))
                break loop
            case .request(let request):
                core.begin(request)
                let response = core.handler(request)
                defer { core.end() }
                if response.resetConnection {
                    reset = true
                    break loop
                }
                if response.delay > 0 && !core.sleep(response.delay) { break loop }
                let keepOpen = write(response, to: request)
                if !keepOpen { break loop }
            }
        }
        core.closeConnection(id, reset: reset)
    }

    /// Writes `response`; returns whether the connection may serve another request.
    private func write(_ response: TestResponse, to request: TestRequest) -> Bool {
        let isHead = request.method == "HEAD"
        let bodyless = (100..<200).contains(response.status) || response.status == 204
            || response.status == 304
        let closing = response.closeAfter || request.wantsClose
            || response.headers.values(named: "Connection").contains { $0.lowercased() == "close" }
        let length = response.streamedBodyLength ?? response.body.count

        var head = "HTTP/1.1 \(response.status) \(TestResponse.reasonPhrase(for: response.status))\r\n"
        for field in response.headers { head += "\(field.name): \(field.value)\r\n" }
        if !bodyless {
            if response.chunked {
                head += "Transfer-Encoding: chunked\r\n"
            } else if response.headers["Content-Length"] == nil {
                head += "Content-Length: \(length)\r\n"
            }
        }
        if closing && response.headers["Connection"] == nil { head += "Connection: close\r\n" }
        head += "\r\n"

        if isHead || bodyless { return Socket.sendAll(fd, Array(head.utf8)) && !closing }

        let segmentSize = max(1, response.slowBody?.chunkSize ?? (response.chunked ? 1024 : 65536))
        var pending = Array(head.utf8)
        var offset = 0
        while offset < length {
            let count = min(segmentSize, length - offset)
            let segment: ArraySlice<UInt8>
            if response.streamedBodyLength != nil {
                let start = offset % Self.filler.count
                let end = min(start + count, Self.filler.count)
                segment = Self.filler[start..<end]
            } else {
                segment = response.body[offset..<(offset + count)]
            }
            if response.chunked { pending += Array("\(String(segment.count, radix: 16))\r\n".utf8) }
            pending += segment
            if response.chunked { pending += [13, 10] }
            guard Socket.sendAll(fd, pending) else { return false }
            pending.removeAll(keepingCapacity: true)
            offset += segment.count
            if let slow = response.slowBody, offset < length, !core.sleep(slow.interval) {
                return false
            }
        }
        if response.chunked { pending += Array("0\r\n\r\n".utf8) }
        guard pending.isEmpty || Socket.sendAll(fd, pending) else { return false }
        return !closing
    }
}
