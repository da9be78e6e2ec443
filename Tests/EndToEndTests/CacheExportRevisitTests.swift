import Foundation
import Testing
import TrawlTestSupport

/// `trawl cache export --warc` of an entry freshened by a 304: a revisit record, checked by warcio.
@Suite(.timeLimit(.minutes(2)))
struct CacheExportRevisitTests {
    static let body = "<html><body><h1>Kept</h1><p>unchanged between the two crawls</p></body></html>"

    /// One JSON object per record: type, id, and the revisit's profile and references.
    static let dumpScript = """
        import json, sys
        from warcio.archiveiterator import ArchiveIterator
        with open(sys.argv[1], 'rb') as f:
            for r in ArchiveIterator(f):
                h = r.rec_headers
                item = {'type': r.rec_type, 'id': h.get_header('WARC-Record-ID'),
                        'date': h.get_header('WARC-Date'), 'to': h.get_header('WARC-Concurrent-To'),
                        'profile': h.get_header('WARC-Profile'), 'refersTo': h.get_header('WARC-Refers-To'),
                        'refersToDate': h.get_header('WARC-Refers-To-Date')}
                if r.rec_type == 'revisit':
                    item['status'] = int(r.http_headers.get_statuscode())
                if r.rec_type == 'request':
                    item['ifNoneMatch'] = r.http_headers.get_header('If-None-Match')
                print(json.dumps(item))
        """

    @Test("a page revalidated by a 304 is exported as its response record and a revisit record referring to it")
    func revisit() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let page = ConditionalResource(ConditionalResource.Content(.html(Self.body), etag: "\"v1\""))
        let server = try TestHTTPServer(handler: page.respond)
        defer { server.stop() }
        let cache = folder.path("cache.sqlite")
        let crawl = ["crawl", server.url("/"), "--cache", cache, "--ignore-robots", "--max-depth", "0", "-o", folder.path("out.jsonl"), "--quiet"]
        let first = try await TrawlProcess.run(crawl)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try await TrawlProcess.run(crawl + ["--cache-mode", "refresh"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(page.notModifiedResponses == 1)

        let warc = folder.path("out.warc.gz")
        let export = try await TrawlProcess.run(["cache", "export", "--warc", warc, "--cache", cache])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout == "exported 1 response, 1 revalidated by a 304 (revisit records) to \(warc)\n")

        let tools = ExternalTool.pythonBin
        try #require(FileManager.default.isExecutableFile(atPath: tools.appendingPathComponent("warcio").path), "run `make pyvenv`")
        let check = try await ExternalTool.run(tools.appendingPathComponent("warcio"), ["check", "-v", warc])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let script = folder.path("dump.py")
        try Self.dumpScript.write(toFile: script, atomically: true, encoding: .utf8)
        let dump = try await ExternalTool.run(tools.appendingPathComponent("python3"), [script, warc])
        #expect(dump.status == 0, "\(dump.stderr)")
        let records = jsonLines(dump.stdout)
        #expect(records.map { $0["type"] as? String ?? "?" } == ["warcinfo", "request", "response", "request", "revisit"])
        guard records.count == 5 else { return }
        let response = records[2], request = records[3], revisit = records[4]
        #expect(revisit["profile"] as? String == "http://netpreserve.org/warc/1.1/revisit/server-not-modified")
        #expect(revisit["refersTo"] as? String == response["id"] as? String)
        #expect(revisit["refersToDate"] as? String == response["date"] as? String)
        #expect(revisit["status"] as? Int == 304)
        #expect(revisit["to"] as? String == request["id"] as? String)
        #expect(request["ifNoneMatch"] as? String == "\"v1\"")
        #expect((revisit["date"] as? String ?? "") >= (response["date"] as? String ?? "~"))
    }
}
