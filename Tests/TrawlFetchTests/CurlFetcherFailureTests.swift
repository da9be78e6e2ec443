import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlFetch

@Suite struct CurlFetcherFailureTests {
    private func fetcher(_ change: (inout FetchConfiguration) -> Void = { _ in }) throws -> CurlFetcher {
        var configuration = FetchConfiguration()
        change(&configuration)
        return try CurlFetcher(configuration: configuration)
    }

    @Test("a Content-Length over the limit fails as too large", .timeLimit(.minutes(1)))
    func tooLargeByContentLength() async throws {
        let server = try TestHTTPServer(routes: ["/big": TestResponse(body: [UInt8](repeating: 0x61, count: 5000))])
        let fetcher = try fetcher { $0.maxBodyBytes = 1000 }
        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/big")))
        #expect(outcome.failure == FailureReason(.tooLarge, "body over 1000 bytes"), "\(outcome)")
    }

    @Test("a body exactly at the limit is kept whole", .timeLimit(.minutes(1)))
    func bodyAtLimit() async throws {
        let server = try TestHTTPServer(routes: [
            "/exact": TestResponse(body: [UInt8](repeating: 0x61, count: 1000), chunked: true)
        ])
        let fetcher = try fetcher { $0.maxBodyBytes = 1000 }
        let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/exact"))).response)
        #expect(response.body.count == 1000)
    }

    @Test("a chunked body without length fails as too large once it passes the limit", .timeLimit(.minutes(1)))
    func tooLargeChunked() async throws {
        let server = try TestHTTPServer(routes: [
            "/chunked": TestResponse(body: [UInt8](repeating: 0x61, count: 5000), chunked: true),
            "/stream": TestResponse(chunked: true, streamedBodyLength: 200_000_000),
        ])
        let fetcher = try fetcher { $0.maxBodyBytes = 1000 }
        #expect(await fetcher.fetch(FetchRequest(url: server.url("/chunked"))).failure?.code == .tooLarge)
        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/stream")))
        #expect(outcome.failure?.code == .tooLarge, "\(outcome)")
    }

    @Test("the limit counts decoded bytes, so a small gzip body can be too large", .timeLimit(.minutes(1)))
    func tooLargeAfterDecoding() async throws {
        let server = try TestHTTPServer(routes: ["/gz": .gzippedHTMLSample])
        let compressed = TestResponse.gzippedHTMLSample.body.count
        let decoded = TestResponse.gzippedHTMLSampleDecoded.utf8.count
        try #require(compressed < decoded - 10)
        let fetcher = try fetcher { $0.maxBodyBytes = decoded - 10 }
        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/gz")))
        #expect(outcome.failure?.code == .tooLarge, "\(outcome)")
    }

    @Test("a response slower than the total timeout fails as a timeout", .timeLimit(.minutes(1)))
    func totalTimeout() async throws {
        let server = try TestHTTPServer(routes: ["/late": TestResponse.text("late").delayed(by: 6)])
        let fetcher = try fetcher { $0.totalTimeout = 0.5 }
        // The server answers after 6 s: a fetch that ends as a timeout (not a 200) was cut by
        // libcurl. No wall-clock bound: on 2 loaded cores the test's own timing is noise.
        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/late")))
        #expect(outcome.failure?.code == .timeout, "\(outcome)")
    }

    @Test("a body trickling below the low-speed limit fails as a timeout", .timeLimit(.minutes(1)))
    func lowSpeedTimeout() async throws {
        let server = try TestHTTPServer(routes: [
            "/trickle": TestResponse(body: [UInt8](repeating: 0x61, count: 100), slowBody: (chunkSize: 1, interval: 0.5))
        ])
        let fetcher = try fetcher {
            $0.lowSpeedLimit = 100
            $0.lowSpeedTime = 1
        }
        // The whole body would take 50 s and the total timeout is 60 s: a timeout here is the
        // low-speed limit's.
        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/trickle")))
        #expect(outcome.failure?.code == .timeout, "\(outcome)")
    }

    @Test("a closed port fails as a connect failure", .timeLimit(.minutes(1)))
    func connectionRefused() async throws {
        // An address no other test binds, so that no server of a test running in parallel can
        // take the freed port in between (it happened on 127.0.0.1).
        let server = try TestHTTPServer(host: "127.0.0.254", routes: [:])
        let url = server.url("/")
        server.stop()
        let fetcher = try fetcher()
        let outcome = await fetcher.fetch(FetchRequest(url: url))
        #expect(outcome.failure?.code == .connect, "\(outcome)")
    }

    @Test("a connection reset fails as a network failure", .timeLimit(.minutes(1)))
    func connectionReset() async throws {
        let server = try TestHTTPServer(routes: ["/reset": TestResponse(resetConnection: true)])
        let fetcher = try fetcher()
        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/reset")))
        #expect(outcome.failure?.code == .network, "\(outcome)")
    }

    @Test("cancelling a slow fetch returns promptly as cancelled", .timeLimit(.minutes(1)))
    func cancellation() async throws {
        let server = try TestHTTPServer(routes: ["/slow": TestResponse.text("slow").delayed(by: 6)])
        let fetcher = try fetcher()
        let task = Task { await fetcher.fetch(FetchRequest(url: server.url("/slow"))) }
        try? await Task.sleep(for: .milliseconds(300))
        task.cancel()
        // Had the transfer run on, it would have ended with the server's 200 after 6 s.
        let outcome = await task.value
        #expect(outcome.failure == .cancelled, "\(outcome)")
        // The fetcher still works afterwards.
        let fast = try TestHTTPServer(routes: ["/": .text("ok")])
        #expect(await fetcher.fetch(FetchRequest(url: fast.url("/"))).response?.status == 200)
    }

    @Test("a fetch in an already-cancelled task ends as cancelled without a request", .timeLimit(.minutes(1)))
    func cancelledBeforeStart() async throws {
        let server = try TestHTTPServer(routes: ["/": .text("ok")])
        let fetcher = try fetcher()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await fetcher.fetch(FetchRequest(url: server.url("/")))
        }
        #expect(await task.value.failure == .cancelled)
        #expect(server.requestCount == 0)
    }

    @Test("cancelling fetches still waiting in the queue ends them and frees no slot twice", .timeLimit(.minutes(1)))
    func cancelQueued() async throws {
        let server = try TestHTTPServer(routes: ["/slow": TestResponse.text("ok").delayed(by: 3)])
        let fetcher = try fetcher { $0.maxConcurrentTransfers = 1 }
        let tasks = (0..<5).map { _ in Task { await fetcher.fetch(FetchRequest(url: server.url("/slow"))) } }
        try? await Task.sleep(for: .milliseconds(100))
        for task in tasks.dropFirst() { task.cancel() }
        var outcomes: [FetchOutcome] = []
        for task in tasks { outcomes.append(await task.value) }
        let cancelled = outcomes.filter { $0.failure == .cancelled }.count
        let ok = outcomes.filter { $0.response?.status == 200 }.count
        #expect(cancelled + ok == 5)
        #expect(cancelled >= 3)
        #expect(server.maxInFlight == 1)
    }

    @Test("shutdown ends running and queued fetches, and later fetches fail at once", .timeLimit(.minutes(1)))
    func shutdownWithPendingFetches() async throws {
        let server = try TestHTTPServer(routes: ["/slow": TestResponse.text("slow").delayed(by: 6)])
        let fetcher = try fetcher { $0.maxConcurrentTransfers = 2 }
        let tasks = (0..<6).map { _ in Task { await fetcher.fetch(FetchRequest(url: server.url("/slow"))) } }
        try? await Task.sleep(for: .milliseconds(300))
        fetcher.shutdown()
        fetcher.shutdown()
        var outcomes: [FetchOutcome] = []
        for task in tasks { outcomes.append(await task.value) }
        // Running transfers that shutdown did not end would have finished with the server's 200.
        #expect(outcomes.count == 6)
        #expect(outcomes.allSatisfy { $0.failure == .shutDown }, "\(outcomes)")
        #expect(await fetcher.fetch(FetchRequest(url: server.url("/slow"))).failure == .shutDown)
    }

    @Test("a released fetcher stops its loop thread, which then frees the loop", .timeLimit(.minutes(1)))
    func releaseStopsLoop() async throws {
        let server = try TestHTTPServer(routes: ["/": .text("ok")])
        var fetcher: CurlFetcher? = try fetcher()
        #expect(await fetcher?.fetch(FetchRequest(url: server.url("/"))).response?.status == 200)
        weak let loop = fetcher?.loop
        #expect(loop != nil)
        fetcher = nil
        for _ in 0..<100 where loop != nil {
            try? await Task.sleep(for: .milliseconds(20))
        }
        #expect(loop == nil)
    }
}
