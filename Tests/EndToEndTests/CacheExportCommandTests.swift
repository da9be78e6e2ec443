import Foundation
import Testing
import TrawlTestSupport

/// `trawl cache export --warc`, the real binary, checked by warcio (installed by `make test`).
@Suite(.timeLimit(.minutes(2)))
struct CacheExportCommandTests {
    /// Prints one JSON object per record: type, target URI, and for responses the status, any
    /// Content-Encoding left, the Content-Length and the body in base64.
    static let dumpScript = """
        import base64, json, sys
        from warcio.archiveiterator import ArchiveIterator
        with open(sys.argv[1], 'rb') as f:
            for r in ArchiveIterator(f):
                item = {'type': r.rec_type, 'uri': r.rec_headers.get_header('WARC-Target-URI'),
                        'id': r.rec_headers.get_header('WARC-Record-ID'),
                        'to': r.rec_headers.get_header('WARC-Concurrent-To')}
                if r.rec_type == 'warcinfo':
                    item['body'] = r.content_stream().read().decode()
                if r.rec_type == 'request':
                    item['host'] = r.http_headers.get_header('Host')
                    item['agent'] = r.http_headers.get_header('User-Agent')
                if r.rec_type == 'response':
                    item['status'] = int(r.http_headers.get_statuscode())
                    item['encoding'] = r.http_headers.get_header('Content-Encoding')
                    item['length'] = r.http_headers.get_header('Content-Length')
                    item['body'] = base64.b64encode(r.content_stream().read()).decode()
                print(json.dumps(item))
        """

    private func warcio(_ arguments: [String]) async throws -> ExternalTool.Result {
        let tool = ExternalTool.pythonBin.appendingPathComponent("warcio")
        try #require(FileManager.default.isExecutableFile(atPath: tool.path), "warcio missing: run `make test` (or `make pyvenv`)")
        return try await ExternalTool.run(tool, arguments)
    }

    @Test("export writes a WARC that warcio checks and indexes, with every cached response and its exact body")
    func exportAll() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        let warc = fixture.folder.path("out.warc.gz")
        let result = try await fixture.cache(["export", "--warc", warc])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "exported 6 responses to \(warc)\n")

        let check = try await warcio(["check", "-v", warc])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let passes = check.stdout.components(separatedBy: "digest pass").count - 1
        #expect(passes == 12, "every request and response digest present and right: \(check.stdout)")
        let index = try await warcio(["index", "-f", "warc-type,warc-target-uri", warc])
        #expect(index.status == 0, "\(index.stderr)")
        let indexed = jsonLines(index.stdout)
        #expect(indexed.count == 13)
        #expect(indexed.first?["warc-type"] as? String == "warcinfo")

        let script = fixture.folder.path("dump.py")
        try Self.dumpScript.write(toFile: script, atomically: true, encoding: .utf8)
        let dump = try await ExternalTool.run(ExternalTool.pythonBin.appendingPathComponent("python3"), [script, warc])
        #expect(dump.status == 0, "\(dump.stderr)")
        let records = jsonLines(dump.stdout)
        let info = try #require(records.first)
        #expect(info["type"] as? String == "warcinfo")
        #expect((info["body"] as? String)?.contains("software: Trawl/") == true)
        #expect((info["body"] as? String)?.contains("Content-Encoding") == true)

        let responses = records.filter { $0["type"] as? String == "response" }
        let requests = records.filter { $0["type"] as? String == "request" }
        #expect(responses.count == 6 && requests.count == 6)
        var seen: Set<String> = []
        for response in responses {
            let uri = try #require(response["uri"] as? String)
            let expected = try #require(fixture.expected[uri], "unexpected \(uri)")
            seen.insert(uri)
            let body = try #require(Data(base64Encoded: response["body"] as? String ?? ""))
            #expect(body == Data(expected.body.utf8), "\(uri)")
            #expect(response["status"] as? Int == expected.status)
            #expect(response["encoding"] is NSNull, "\(uri): Content-Encoding is dropped")
            #expect(response["length"] as? String == "\(body.count)")
            let request = try #require(requests.first { $0["id"] as? String == response["to"] as? String })
            #expect(request["to"] as? String == response["id"] as? String)
            #expect(request["uri"] as? String == uri)
            #expect((request["agent"] as? String)?.hasPrefix("Trawl/") == true)
            #expect(uri.contains("://\(request["host"] as? String ?? "?")/"))
        }
        #expect(seen == Set(fixture.expected.keys))
    }

    @Test("export --host and --match write only the selected responses")
    func exportSelected() async throws {
        let fixture = try await CacheFixture()
        defer { fixture.stop() }
        let warc = fixture.folder.path("some.warc.gz")
        let result = try await fixture.cache(["export", "--warc", warc, "--host", "127.0.0.1", "--match", "a\\.html|gz"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "exported 2 responses to \(warc)\n")
        let index = try await warcio(["index", "-f", "warc-type,warc-target-uri", warc])
        let uris = jsonLines(index.stdout).filter { $0["warc-type"] as? String == "response" }.compactMap { $0["warc-target-uri"] as? String }
        #expect(uris.sorted() == [fixture.first.url("/a.html"), fixture.first.url("/gz")])
        let check = try await warcio(["check", warc])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
