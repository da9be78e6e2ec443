import Testing
import TrawlCore

@testable import TrawlFetch

@Suite struct ResponseSinkTests {
    private func feed(_ sink: ResponseSink, _ lines: [String]) {
        for line in lines {
            Array(line.utf8).withUnsafeBytes { sink.appendHeaderLine($0) }
        }
    }

    @Test("header fields are parsed with surrounding whitespace removed, in order, duplicates kept")
    func parsesFields() {
        let sink = ResponseSink()
        sink.reset(maxBodyBytes: 100)
        feed(sink, ["HTTP/1.1 200 OK\r\n", "Content-Type:  text/html \r\n", "Set-Cookie: a=1\r\n", "Set-Cookie: b=2\r\n", "\r\n"])
        #expect(sink.headers["content-type"] == "text/html")
        #expect(sink.headers.values(named: "Set-Cookie") == ["a=1", "b=2"])
        #expect(sink.headers.fields.count == 3)
    }

    @Test("an interim 100 Continue block is dropped when the final status line arrives")
    func dropsInterimResponses() {
        let sink = ResponseSink()
        sink.reset(maxBodyBytes: 100)
        feed(sink, ["HTTP/1.1 100 Continue\r\n", "X-Interim: 1\r\n", "\r\n", "HTTP/2 200\r\n", "x-final: 2\r\n", "\r\n"])
        #expect(sink.headers["X-Interim"] == nil)
        #expect(sink.headers["X-Final"] == "2")
    }

    @Test("a folded continuation line joins the previous field's value")
    func foldedLines() {
        let sink = ResponseSink()
        feed(sink, ["HTTP/1.1 200 OK\r\n", "X-Long: one\r\n", "\t two\r\n"])
        #expect(sink.headers["X-Long"] == "one two")
    }

    @Test("body bytes are refused, and the refusal remembered, once they would pass the limit")
    func bodyLimit() {
        let sink = ResponseSink()
        sink.reset(maxBodyBytes: 10)
        #expect([UInt8](repeating: 1, count: 6).withUnsafeBytes { sink.appendBody($0) })
        #expect(!sink.bodyLimitExceeded)
        #expect(![UInt8](repeating: 2, count: 5).withUnsafeBytes { sink.appendBody($0) })
        #expect(sink.bodyLimitExceeded)
        #expect(sink.takeBody() == [UInt8](repeating: 1, count: 6))
        #expect(sink.body.isEmpty)
    }
}
