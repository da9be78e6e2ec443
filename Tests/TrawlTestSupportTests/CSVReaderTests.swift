import Testing
import TrawlTestSupport

@Suite struct CSVReaderTests {
    @Test("reads quoted cells with doubled quotes, commas, CR and LF inside, and empty cells")
    func quotedCells() throws {
        let text = "a,\"b,\"\"c\"\"\",\r\n\"x\r\ny\",,\"\"\r\n"
        #expect(try CSVReader.records(in: text) == [["a", "b,\"c\"", ""], ["x\r\ny", "", ""]])
        #expect(try CSVReader.records(in: "").isEmpty)
    }

    @Test("rejects what RFC 4180 does not allow", arguments: [
        "a\n", "a\rb\r\n", "a\"b\r\n", "\"a\"b\r\n", "\"a\r\n", "a,b", "a\r\nb",
    ])
    func rejects(text: String) {
        #expect(throws: CSVReader.Failure.self) { try CSVReader.records(in: text) }
    }
}
