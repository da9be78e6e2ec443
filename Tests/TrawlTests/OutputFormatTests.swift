import Testing
import Trawl
import TrawlCore
import TrawlTestSupport

@Suite struct OutputFormatTests {
    @Test("the extension picks the format, case-insensitively; stdout and anything else is JSON lines",
          arguments: [
            ("items.csv", OutputFormat.csv), ("out/Items.CSV", .csv), ("items.json", .json), ("a.b/items.JSON", .json),
            ("items.jsonl", .jsonLines), ("items.ndjson", .jsonLines), ("items.txt", .jsonLines), ("items", .jsonLines),
            ("-", .jsonLines), ("out.csv/items", .jsonLines), (".csv", .jsonLines), ("items.csv.gz", .jsonLines),
          ])
    func formatFromPath(path: String, expected: OutputFormat) {
        #expect(OutputFormat(path: path) == expected)
    }

    @Test("--format names are jsonl, csv and json in any case; anything else is nil")
    func formatNames() {
        #expect(OutputFormat(name: "jsonl") == .jsonLines)
        #expect(OutputFormat(name: "CSV") == .csv)
        #expect(OutputFormat(name: "Json") == .json)
        #expect(OutputFormat(name: "xml") == nil)
        #expect(OutputFormat(name: "") == nil)
        #expect(OutputFormat.namesForMessages == "jsonl, csv or json")
    }

    @Test("the factory follows the extension unless a format is given")
    func factory() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let item = Item(url: "http://x/", fields: [Field(name: "t", value: .string("v"))])
        let cases: [(String, OutputFormat?, String)] = [
            ("a.csv", nil, "url,t\r\nhttp://x/,v\r\n"),
            ("b.json", nil, "[\n{\"url\":\"http://x/\",\"t\":\"v\"}\n]\n"),
            ("c.jsonl", nil, "{\"url\":\"http://x/\",\"t\":\"v\"}\n"),
            ("d.txt", nil, "{\"url\":\"http://x/\",\"t\":\"v\"}\n"),
            ("e.json", .csv, "url,t\r\nhttp://x/,v\r\n"),
            ("f.csv", .jsonLines, "{\"url\":\"http://x/\",\"t\":\"v\"}\n"),
            ("g.out", .json, "[\n{\"url\":\"http://x/\",\"t\":\"v\"}\n]\n"),
        ]
        for (name, format, expected) in cases {
            let sink = try makeItemSink(path: folder.path(name), format: format, fieldNames: ["t"])
            try await sink.write(item)
            try await sink.close()
            #expect(folder.read(name) == expected, "\(name) \(String(describing: format))")
        }
    }
}
