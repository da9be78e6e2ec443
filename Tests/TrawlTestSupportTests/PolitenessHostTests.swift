import Foundation
import Testing
import TrawlCore
import TrawlTestSupport

@Suite(.timeLimit(.minutes(1)))
struct PolitenessHostTests {
    @Test("pages are titled by their path, robots.txt is a 404 until set, routes and scripts override")
    func servesPagesRoutesAndScripts() throws {
        let host = try PolitenessHost()
        defer { host.stop() }
        host.routes["/fixed"] = .text("fixed")
        host.script("/flaky", ResponseSequence(.unavailable(retryAfter: "2"), times: 2, then: .text("ok")))
        let client = try TestHTTPClient(host.server)
        #expect(try client.send("GET", "/robots.txt").status == 404)
        #expect(try client.send("GET", "/a/b").bodyText.contains("<h1>/a/b</h1>"))
        #expect(try client.send("GET", "/fixed").bodyText == "fixed")
        let first = try client.send("GET", "/flaky")
        #expect(first.status == 503)
        #expect(first.headers["Retry-After"] == "2")
        #expect(try client.send("GET", "/flaky").status == 503)
        #expect(try client.send("GET", "/flaky").bodyText == "ok")
        #expect(host.robotsRequests.count == 1)
        #expect(host.pageRequests.map(\.target) == ["/a/b", "/fixed", "/flaky", "/flaky", "/flaky"])
        #expect(host.pageURLs(2) == [host.url("/p0"), host.url("/p1")])
    }

    @Test("the request log records how many requests were in flight as each one arrived")
    func logsInFlight() throws {
        let server = try TestHTTPServer { _ in .text("x") }
        defer { server.stop() }
        let client = try TestHTTPClient(server)
        _ = try client.send("GET", "/1")
        _ = try client.send("GET", "/2")
        #expect(server.requestLog.map(\.inFlight) == [1, 1])
    }

    @Test("a response sequence serves its responses in order, then the last one for ever")
    func responseSequence() {
        let sequence = ResponseSequence([.status(503), .status(429)], then: .text("ok"))
        let statuses = (0..<4).map { _ in sequence.next().status }
        #expect(statuses == [503, 429, 200, 200])
        #expect(sequence.served == 4)
    }

    @Test("HTTP-dates are IMF-fixdate in GMT")
    func httpDate() {
        #expect(TestResponse.httpDate(Date(timeIntervalSince1970: 784_111_777)) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(TestResponse.httpDate(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}
