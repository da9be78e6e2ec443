import Foundation
import Testing
import TrawlCore
import TrawlTestSupport

@Suite(.timeLimit(.minutes(1)))
struct TestHTTPServerTests {
    @Test func servesRoutesByPathAndQueryWithFallback() throws {
        let server = try TestHTTPServer(routes: ["/a?x=1": .html("<p>a</p>"), "/b": .json("{}")])
        defer { server.stop() }
        let client = try TestHTTPClient(server)
        let a = try client.send("GET", "/a?x=1")
        #expect(a.status == 200)
        #expect(a.bodyText == "<p>a</p>")
        #expect(a.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(a.headers["Content-Length"] == "8")
        #expect(try client.send("GET", "/b").headers["Content-Type"] == "application/json")
        #expect(try client.send("GET", "/a").status == 404)
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
    }

    @Test func keepsConnectionsAliveAndLogsEachRequest() throws {
        let server = try TestHTTPServer { request in .text("\(request.method) \(request.path) \(request.query ?? "-")") }
        defer { server.stop() }
        let client = try TestHTTPClient(server)
        for i in 0..<5 {
            #expect(try client.send("GET", "/p?i=\(i)").bodyText == "GET /p i=\(i)")
        }
        #expect(server.connectionsAccepted == 1)
        #expect(server.requestCount == 5)
        let log = server.requestLog
        #expect(log.map(\.target) == (0..<5).map { "/p?i=\($0)" })
        #expect(Set(log.map(\.connectionID)) == [1])
        #expect(log.allSatisfy { $0.host == "127.0.0.1:\(server.port)" })
        server.resetLog()
        #expect(server.requestCount == 0 && server.connectionsAccepted == 0)
    }

    @Test func honoursConnectionCloseAndCloseAfter() throws {
        let server = try TestHTTPServer(routes: [
            "/close": TestResponse(status: 200, body: Array("bye".utf8), closeAfter: true),
            "/open": .text("hi"),
        ])
        defer { server.stop() }
        let first = try TestHTTPClient(server)
        let response = try first.send("GET", "/open", headers: [("Connection", "close")])
        #expect(response.headers["Connection"] == "close")
        #expect(first.waitForClose())
        let second = try TestHTTPClient(server)
        #expect(try second.send("GET", "/close").bodyText == "bye")
        #expect(second.waitForClose())
    }

    @Test func answersHEADWithoutBodyAndReadsRequestBodies() throws {
        let server = try TestHTTPServer { request in
            .text(request.method == "POST" ? String(decoding: request.body, as: UTF8.self) : "twelve bytes")
        }
        defer { server.stop() }
        let client = try TestHTTPClient(server)
        let head = try client.send("HEAD", "/")
        #expect(head.headers["Content-Length"] == "12")
        #expect(head.body.isEmpty)
        #expect(try client.send("POST", "/", body: Array("echo me".utf8)).bodyText == "echo me")
        #expect(try client.send("GET", "/").bodyText == "twelve bytes")
        #expect(server.connectionsAccepted == 1)
    }

    @Test func sendsChunkedSlowAndStreamedBodies() throws {
        let text = String(repeating: "0123456789", count: 300)
        let server = try TestHTTPServer(routes: [
            "/chunked": TestResponse(body: Array(text.utf8), chunked: true),
            "/slow": TestResponse(body: Array("abcdef".utf8), slowBody: (chunkSize: 2, interval: 0.02)),
            "/huge": TestResponse(streamedBodyLength: 300_000),
            "/huge-chunked": TestResponse(chunked: true, streamedBodyLength: 70_000),
        ])
        defer { server.stop() }
        let client = try TestHTTPClient(server)
        let chunked = try client.send("GET", "/chunked")
        #expect(chunked.headers["Transfer-Encoding"] == "chunked")
        #expect(chunked.headers["Content-Length"] == nil)
        #expect(chunked.bodyText == text)
        let start = Date()
        #expect(try client.send("GET", "/slow").bodyText == "abcdef")
        #expect(Date().timeIntervalSince(start) >= 0.04)
        let huge = try client.send("GET", "/huge")
        #expect(huge.headers["Content-Length"] == "300000")
        #expect(huge.body.count == 300_000)
        #expect(try client.send("GET", "/huge-chunked").body.count == 70_000)
    }

    @Test func resetsConnectionsBeforeResponding() throws {
        let server = try TestHTTPServer(routes: ["/reset": TestResponse(resetConnection: true)])
        defer { server.stop() }
        let client = try TestHTTPClient(server)
        #expect(throws: TestServerError.self) { try client.send("GET", "/reset") }
        #expect(server.requestCount == 1)
    }

    @Test func countsConcurrentRequestsInFlight() throws {
        let server = try TestHTTPServer { _ in TestResponse.text("ok").delayed(by: 0.5) }
        defer { server.stop() }
        let port = server.port
        // Plain threads, not tasks: the cooperative pool may have only two threads here.
        let done = DispatchGroup()
        let statuses = StatusBox()
        for _ in 0..<3 {
            done.enter()
            Thread {
                statuses.append((try? TestHTTPClient(host: "127.0.0.1", port: port).send("GET", "/").status) ?? -1)
                done.leave()
            }.start()
        }
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(statuses.values == [200, 200, 200])
        #expect(server.maxInFlight == 3)
        // A request stays in flight until its response is written, which the client may see
        // a moment before the server thread counts it finished.
        let settled = Date().addingTimeInterval(2)
        while server.inFlight > 0 && Date() < settled { Thread.sleep(forTimeInterval: 0.005) }
        #expect(server.inFlight == 0)
        #expect(server.connectionsAccepted == 3)
    }

    @Test func listensOnOtherLoopbackAddresses() throws {
        let b = try TestHTTPServer(host: "127.0.0.2", routes: ["/": .text("b")])
        let c = try TestHTTPServer(host: "127.0.0.3", routes: ["/": .text("c")])
        defer { b.stop(); c.stop() }
        #expect(try TestHTTPClient.get(b.baseURL + "/").bodyText == "b")
        #expect(try TestHTTPClient.get(c.url("/")).bodyText == "c")
        #expect(b.baseURL.hasPrefix("http://127.0.0.2:"))
    }

    @Test func redirectsAndStatusConstructors() throws {
        let server = try TestHTTPServer(routes: [
            "/r": .redirect(to: "/target", status: 302), "/s": .status(503),
            "/gz": .gzippedHTMLSample, "/none": .status(204),
        ])
        defer { server.stop() }
        let client = try TestHTTPClient(server)
        let redirect = try client.send("GET", "/r")
        #expect(redirect.status == 302)
        #expect(redirect.headers["Location"] == "/target")
        #expect(try client.send("GET", "/s").status == 503)
        #expect(try client.send("GET", "/none").status == 204)
        let gz = try client.send("GET", "/gz")
        #expect(gz.headers["Content-Encoding"] == "gzip")
        #expect(Array(gz.body.prefix(2)) == [0x1F, 0x8B])
        #expect(TestResponse.gzippedHTMLSampleDecoded.contains("<h1>Gzipped sample</h1>"))
    }

    @Test func stopClosesIdleConnectionsAndRefusesNewOnes() throws {
        let server = try TestHTTPServer(routes: ["/": .text("x")])
        let client = try TestHTTPClient(server)
        _ = try client.send("GET", "/")
        let start = Date()
        server.stop()
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(client.waitForClose())
        #expect(throws: TestServerError.self) { try TestHTTPClient.get(server.url("/")) }
    }

    @Test func stopInterruptsDelayedResponsesAndDeinitStops() throws {
        let server = try TestHTTPServer(routes: ["/slow": TestResponse.text("late").delayed(by: 30)])
        let port = server.port
        let finished = DispatchGroup()
        finished.enter()
        Thread {
            _ = try? TestHTTPClient(host: "127.0.0.1", port: port).send("GET", "/slow")
            finished.leave()
        }.start()
        let arrived = Date().addingTimeInterval(5)
        while server.inFlight == 0 && Date() < arrived { Thread.sleep(forTimeInterval: 0.005) }
        try #require(server.inFlight == 1, "the slow request never reached the server")
        let start = Date()
        server.stop()
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(finished.wait(timeout: .now() + 2) == .success)

        var scoped: TestHTTPServer? = try TestHTTPServer(routes: ["/": .text("x")])
        let client = try TestHTTPClient(try #require(scoped))
        _ = try client.send("GET", "/")
        scoped = nil
        #expect(client.waitForClose())
    }

    @Test func rejectsMalformedRequests() throws {
        let server = try TestHTTPServer(routes: [:])
        defer { server.stop() }
        let client = try TestHTTPClient(server)
        try client.sendRaw(Array("NONSENSE\r\n\r\n".utf8))
        #expect(client.waitForClose())
        let other = try TestHTTPClient(server)
        try other.sendRaw(Array("GET / HTTP/1.1\r\nno colon here\r\n\r\n".utf8))
        #expect(other.waitForClose())
        #expect(server.requestCount == 0)
    }
}

/// Collects results from several threads.
// @unchecked Sendable: `items` is only touched while holding `lock`.
private final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int] = []
    func append(_ value: Int) { lock.withLock { items.append(value) } }
    var values: [Int] { lock.withLock { items } }
}
