import Testing
import Trawl
import TrawlCore
import TrawlTestSupport

@Suite struct CSVItemWriterTests {
    /// Writes `items` with `fieldNames` to a temporary file and returns its exact text.
    private func csvText(fieldNames: [String], items: [Item]) async throws -> String {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = try CSVItemWriter(path: folder.path("items.csv"), fieldNames: fieldNames)
        for item in items { try await writer.write(item) }
        try await writer.close()
        return folder.read("items.csv")
    }

    private func item(_ url: String, _ fields: [(String, JSONValue)]) -> Item {
        Item(url: url, fields: fields.map { Field(name: $0.0, value: $0.1) })
    }

    @Test("the header is url then the field names in the configured order, written even with no items")
    func headerOnly() async throws {
        let text = try await csvText(fieldNames: ["title", "price", "tags"], items: [])
        #expect(text == "url,title,price,tags\r\n")
    }

    @Test("cells with commas, quotes, LF, CR or CRLF are quoted with quotes doubled; others are not")
    func quoting() async throws {
        let values = ["a,b", #"say "hi""#, "two\nlines", "cr\ronly", "crlf\r\nend", "plain", "", "  spaced  ", #"""#]
        let items = values.enumerated().map { item("http://x/\($0.offset)", [("v", .string($0.element))]) }
        let text = try await csvText(fieldNames: ["v"], items: items)
        let expectedRows = [
            #""a,b""#, #""say ""hi""""#, "\"two\nlines\"", "\"cr\ronly\"", "\"crlf\r\nend\"", "plain", "", "  spaced  ",
            #""""""#,
        ]
        let expected = "url,v\r\n" + expectedRows.enumerated().map { "http://x/\($0.offset),\($0.element)\r\n" }.joined()
        #expect(text == expected)
        let records = try CSVReader.records(in: text)
        #expect(records.dropFirst().map { $0[1] } == values)
    }

    @Test("unicode is written as UTF-8 unchanged and unquoted")
    func unicode() async throws {
        let text = try await csvText(
            fieldNames: ["name"], items: [item("http://x/é", [("name", .string("Pokémon 🐉 日本"))])])
        #expect(text == "url,name\r\nhttp://x/é,Pokémon 🐉 日本\r\n")
    }

    @Test("numbers and booleans are their JSON text, null is empty, arrays and objects are compact JSON")
    func valueKinds() async throws {
        let object = JSONValue.object([JSONMember(key: "a", value: .number("1")), JSONMember(key: "b", value: .string("x,y"))])
        let text = try await csvText(
            fieldNames: ["n", "f", "t", "z", "list", "obj"],
            items: [item("http://x/", [
                ("n", .number("7")), ("f", .number("-1.5e3")), ("t", .bool(true)), ("z", .null),
                ("list", .array([.string("a"), .number("2"), .bool(false), .null])), ("obj", object),
            ])])
        let records = try CSVReader.records(in: text)
        #expect(records == [
            ["url", "n", "f", "t", "z", "list", "obj"],
            ["http://x/", "7", "-1.5e3", "true", "", #"["a",2,false,null]"#, #"{"a":1,"b":"x,y"}"#],
        ])
        #expect(text.contains(#","{""a"":1,""b"":""x,y""}""#), "JSON with quotes and commas is quoted")
    }

    @Test("cells follow the header order whatever the item's field order; missing fields are empty; unknown fields are left out")
    func columnOrder() async throws {
        let text = try await csvText(
            fieldNames: ["a", "b", "c"],
            items: [
                item("http://x/1", [("c", .string("C")), ("extra", .string("E")), ("a", .string("A"))]),
                item("http://x/2", []),
            ])
        #expect(text == "url,a,b,c\r\nhttp://x/1,A,,C\r\nhttp://x/2,,,\r\n")
    }

    @Test("with no field names only the url column is written")
    func urlOnly() async throws {
        let text = try await csvText(fieldNames: [], items: [item("http://x/a,b", [("t", .string("ignored"))])])
        #expect(text == "url\r\n\"http://x/a,b\"\r\n")
    }

    @Test("many rows pass the buffer threshold and all arrive in order")
    func manyRows() async throws {
        let items = (0..<5_000).map { item("http://x/\($0)", [("text", .string(String(repeating: "y", count: 40) + "\($0)"))]) }
        let records = try CSVReader.records(in: try await csvText(fieldNames: ["text"], items: items))
        #expect(records.count == 5_001)
        #expect(records.dropFirst().map { $0[0] } == items.map(\.url))
    }

    @Test("an unwritable path is an output error naming the path")
    func unwritablePath() {
        #expect(throws: OutputError.self) { try CSVItemWriter(path: "/nonexistent-dir/x.csv", fieldNames: []) }
    }
}
