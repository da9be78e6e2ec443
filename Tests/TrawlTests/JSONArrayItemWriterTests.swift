import Foundation
import Testing
import Trawl
import TrawlCore
import TrawlTestSupport

@Suite struct JSONArrayItemWriterTests {
    private func parse(_ text: String) throws -> [[String: Any]]? {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
    }

    @Test("no items give the empty array []")
    func empty() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = try JSONArrayItemWriter(path: folder.path("o.json"))
        try await writer.close()
        #expect(folder.read("o.json") == "[]\n")
        #expect(try parse(folder.read("o.json"))?.isEmpty == true)
    }

    @Test("items form one valid JSON array, one item per line, keeping JSON types and field order")
    func items() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = try JSONArrayItemWriter(path: folder.path("o.json"))
        try await writer.write(Item(url: "http://x/1", fields: [
            Field(name: "title", value: .string("a \"q\", b\n")), Field(name: "n", value: .number("7")),
        ]))
        try await writer.write(Item(url: "http://x/2", fields: [Field(name: "tags", value: .array([.string("é"), .null]))]))
        try await writer.close()
        let text = folder.read("o.json")
        #expect(text == "[\n" + #"{"url":"http://x/1","title":"a \"q\", b\n","n":7}"# + ",\n" + #"{"url":"http://x/2","tags":["é",null]}"# + "\n]\n")
        let array = try #require(try parse(text))
        #expect(array.count == 2)
        #expect(array[0]["title"] as? String == "a \"q\", b\n")
        #expect(array[0]["n"] as? Int == 7)
        #expect((array[1]["tags"] as? [Any])?.count == 2)
    }

    @Test("before close the array is unfinished; close writes the ] once, and a second close changes nothing")
    func closeWritesBracket() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = try JSONArrayItemWriter(path: folder.path("o.json"))
        for index in 0..<3_000 {
            try await writer.write(Item(url: "http://x/\(index)", fields: [Field(name: "pad", value: .string(String(repeating: "p", count: 40)))]))
        }
        let beforeClose = folder.read("o.json")
        #expect(!beforeClose.isEmpty, "more than the buffer threshold was flushed")
        #expect((try? parse(beforeClose)) == nil, "not valid JSON before close")
        try await writer.close()
        try await writer.close()
        let text = folder.read("o.json")
        #expect(text.hasSuffix("}\n]\n"))
        let urls = try #require(try parse(text)).compactMap { $0["url"] as? String }
        #expect(urls == (0..<3_000).map { "http://x/\($0)" })
    }

    @Test("writing after close is an output error")
    func writeAfterClose() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = try JSONArrayItemWriter(path: folder.path("o.json"))
        try await writer.close()
        await #expect(throws: OutputError.self) { try await writer.write(Item(url: "http://x/", fields: [])) }
        #expect(folder.read("o.json") == "[]\n")
    }
}
