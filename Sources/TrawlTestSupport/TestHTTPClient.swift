import Foundation
import TrawlCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A response read by ``TestHTTPClient``.
public struct TestHTTPClientResponse: Sendable, Hashable {
    public var status: Int
    public var headers: HTTPHeaders
    /// The body, de-chunked but not content-decoded.
    public var body: [UInt8]
    /// The body as UTF-8 text (lossy).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// A minimal blocking HTTP/1.1 client on one raw socket, for checking the test servers
/// without URLSession (which follows redirects and hides connections).
///
/// One instance is one connection: several ``send(_:_:headers:body:)`` calls reuse it, so
/// keep-alive can be observed. Not Sendable: use it from one thread or task.
public final class TestHTTPClient {
    public let host: String
    public let port: Int
    private var fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to `host:port`; reads give up after `timeout` seconds of silence.
    public init(host: String, port: Int, timeout: Double = 5) throws {
        self.host = host
        self.port = port
        fd = try Socket.connect(host: host, port: port)
        Socket.setReceiveTimeout(fd, seconds: timeout)
    }

    /// Connects to the server behind `server`.
    public convenience init(_ server: TestHTTPServer, timeout: Double = 5) throws {
        try self.init(host: server.host, port: server.port, timeout: timeout)
    }

    deinit { close() }

    /// Closes the connection. Idempotent.
    public func close() {
        if fd >= 0 {
            Socket.closeDescriptor(fd)
            fd = -1
        }
    }

    /// Sends one request and reads its response. A `Host` header is added unless given.
    public func send(
        _ method: String = "GET", _ target: String, headers: HTTPHeaders = [], body: [UInt8] = []
    ) throws -> TestHTTPClientResponse {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        if headers["Host"] == nil { head += "Host: \(host):\(port)\r\n" }
        for field in headers { head += "\(field.name): \(field.value)\r\n" }
        if !body.isEmpty && headers["Content-Length"] == nil { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        guard Socket.sendAll(fd, Array(head.utf8) + body) else {
            throw TestServerError(.io, Socket.lastError("send"))
        }
        return try readResponse(method: method)
    }

    /// Sends raw bytes as they are (for malformed-request tests).
    public func sendRaw(_ bytes: [UInt8]) throws {
        guard Socket.sendAll(fd, bytes) else { throw TestServerError(.io, Socket.lastError("send")) }
    }

    /// True if the server closes the connection (end of stream or reset) within `timeout`
    /// seconds; anything it sends first is read and discarded.
    public func waitForClose(timeout: Double = 2) -> Bool {
        Socket.setReceiveTimeout(fd, seconds: timeout)
        do {
            while try receiveMore() { buffer.removeAll() }
            return true
        } catch let error as TestServerError {
            return !error.detail.contains("errno \(EAGAIN)")
        } catch {
            return false
        }
    }

    /// One GET over a fresh connection that is closed afterwards.
    public static func get(_ url: String, timeout: Double = 5) throws -> TestHTTPClientResponse {
        guard let parsed = URLComponents(string: url), let host = parsed.host, let port = parsed.port
        else { throw TestServerError(.badAddress, url) }
        let client = try TestHTTPClient(host: host, port: port, timeout: timeout)
        defer { client.close() }
        let target = parsed.percentEncodedPath.isEmpty ? "/" : parsed.percentEncodedPath
        let query = parsed.percentEncodedQuery.map { "?" + $0 } ?? ""
        return try client.send("GET", target + query, headers: [("Connection", "close")])
    }

    // MARK: Reading

    /// Reads more bytes into the buffer; false at end of stream; throws on error or timeout.
    private func receiveMore() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 65536, 0) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw TestServerError(.io, Socket.lastError("recv")) }
            if n == 0 { return false }
            buffer += chunk[..<n]
            return true
        }
    }

    private func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: 10) {
                let line = buffer[..<end].last == 13 ? buffer[..<(end - 1)] : buffer[..<end]
                defer { buffer.removeFirst(end + 1) }
                return String(decoding: line, as: UTF8.self)
            }
            guard try receiveMore() else { throw TestServerError(.io, "connection closed mid-head") }
        }
    }

    private func readExactly(_ count: Int) throws -> [UInt8] {
        while buffer.count < count {
            guard try receiveMore() else { throw TestServerError(.io, "connection closed mid-body") }
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    private func readResponse(method: String) throws -> TestHTTPClientResponse {
        let statusLine = try readLine()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw TestServerError(.malformed, statusLine)
        }
        var headers = HTTPHeaders()
        while true {
            let line = try readLine()
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else { throw TestServerError(.malformed, line) }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(name: String(line[..<colon]), value: value)
        }
        var body: [UInt8] = []
        if method == "HEAD" || (100..<200).contains(status) || status == 204 || status == 304 {
            body = []
        } else if headers["Transfer-Encoding"]?.lowercased().contains("chunked") == true {
            while true {
                let sizeLine = try readLine()
                let sizeText = sizeLine.split(separator: ";").first.map(String.init) ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                    throw TestServerError(.malformed, "chunk size \(sizeLine)")
                }
                if size == 0 {
                    while try !readLine().isEmpty {}
                    break
                }
                body += try readExactly(size)
                _ = try readLine()
            }
        } else if let lengthText = headers["Content-Length"], let length = Int(lengthText) {
            body = try readExactly(length)
        } else {
            while try receiveMore() {}
            body = buffer
            buffer = []
        }
        return TestHTTPClientResponse(status: status, headers: headers, body: body)
    }
}
