import Foundation
import TrawlCore

/// What the test server sends back for one request, and how it misbehaves while sending it.
///
/// The plain fields describe an ordinary response; the behaviour fields (`delay`, `chunked`,
/// `slowBody`, `closeAfter`, `resetConnection`, `streamedBodyLength`) reproduce the nasty cases
/// a crawler meets. The server adds `Content-Length` (unless chunked or already set) and
/// `Connection: close` (when it will close).
public struct TestResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Seconds to wait before sending anything.
    public var delay: Double
    /// Send the body with `Transfer-Encoding: chunked` and no `Content-Length`.
    public var chunked: Bool
    /// Dribble the body: `chunkSize` bytes, then a pause of `interval` seconds, and so on.
    public var slowBody: (chunkSize: Int, interval: Double)?
    /// Close the connection after this response (and say so with `Connection: close`).
    public var closeAfter: Bool
    /// Abort the connection with a TCP reset before sending anything.
    public var resetConnection: Bool
    /// Send this many bytes of generated filler instead of `body`, without holding them in memory.
    public var streamedBodyLength: Int?

    public init(
        status: Int = 200, headers: HTTPHeaders = [], body: [UInt8] = [], delay: Double = 0,
        chunked: Bool = false, slowBody: (chunkSize: Int, interval: Double)? = nil,
        closeAfter: Bool = false, resetConnection: Bool = false, streamedBodyLength: Int? = nil
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.chunked = chunked
        self.slowBody = slowBody
        self.closeAfter = closeAfter
        self.resetConnection = resetConnection
        self.streamedBodyLength = streamedBodyLength
    }

    /// The body as UTF-8 text (lossy), for assertions.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    // MARK: Convenience constructors

    /// An HTML page (`text/html; charset=utf-8`).
    public static func html(_ text: String, status: Int = 200) -> TestResponse {
        TestResponse(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8")],
            body: Array(text.utf8))
    }

    /// A JSON document (`application/json`).
    public static func json(_ text: String, status: Int = 200) -> TestResponse {
        TestResponse(
            status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
    }

    /// Plain text (`text/plain; charset=utf-8`).
    public static func text(_ text: String, status: Int = 200) -> TestResponse {
        TestResponse(
            status: status, headers: [("Content-Type", "text/plain; charset=utf-8")],
            body: Array(text.utf8))
    }

    /// A redirect to `location` (sent verbatim, so it may be relative) with a small HTML body.
    public static func redirect(to location: String, status: Int = 301) -> TestResponse {
        var response = html("<html><body>Moved to <a href=\"\(location)\">here</a></body></html>", status: status)
        response.headers.add(name: "Location", value: location)
        return response
    }

    /// 404 with a short HTML body.
    public static let notFound = html("<html><body><h1>Not Found</h1></body></html>", status: 404)

    /// A response with `status` and a short plain-text body naming it.
    public static func status(_ status: Int) -> TestResponse {
        text("\(status) \(reasonPhrase(for: status))\n", status: status)
    }

    // MARK: Modifiers

    /// This response with one more header field.
    public func adding(header name: String, value: String) -> TestResponse {
        var copy = self
        copy.headers.add(name: name, value: value)
        return copy
    }

    /// This response, sent after waiting `seconds`.
    public func delayed(by seconds: Double) -> TestResponse {
        var copy = self
        copy.delay = seconds
        return copy
    }

    /// The standard reason phrase for `status`, or `Status` for unusual codes.
    public static func reasonPhrase(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
