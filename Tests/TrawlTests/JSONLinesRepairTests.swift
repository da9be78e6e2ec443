import Foundation
import Testing
import Trawl
import TrawlCore
import TrawlTestSupport

/// The output repair behind exactly-once items: the file ends up equal to the recorded items.
@Suite struct JSONLinesRepairTests {
    private static func items(_ count: Int) -> [RecordedItem] {
        (1...max(1, count)).prefix(count).map { RecordedItem(sequence: Int64($0), url: "u\($0)", line: "{\"url\":\"u\($0)\"}") }
    }

    /// Repairs `initial` (nil: no file) against `recorded`, served `page` at a time.
    private func repair(_ initial: String?, _ recorded: [RecordedItem], page: Int = 3) async throws
        -> (text: String, report: JSONLinesRepair.Report)
    {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("items.jsonl")
        if let initial { try Data(initial.utf8).write(to: URL(fileURLWithPath: path)) }
        let report = try await JSONLinesRepair.repair(path: path) { after in
            Array(recorded.filter { $0.sequence > after }.prefix(page))
        }
        return (folder.read("items.jsonl"), report)
    }

    private static func text(_ items: [RecordedItem]) -> String { items.map { $0.line + "\n" }.joined() }

    @Test("a file that already equals the records is left as it is")
    func unchanged() async throws {
        let recorded = Self.items(7)
        let (text, report) = try await repair(Self.text(recorded), recorded)
        #expect(text == Self.text(recorded))
        #expect(report.kept == 7 && report.cutBytes == 0 && report.appended == 0)
    }

    @Test("a torn last line is cut off and the missing items are appended")
    func tornLine() async throws {
        let recorded = Self.items(5)
        let torn = Self.text(Array(recorded.prefix(3))) + "{\"url\":\"u4"
        let (text, report) = try await repair(torn, recorded)
        #expect(text == Self.text(recorded))
        #expect(report.kept == 3)
        #expect(report.cutBytes == 10)
        #expect(report.appended == 2)
    }

    @Test("lines of items that were never recorded (the uncommitted batch) are cut")
    func extraLinesCut() async throws {
        let recorded = Self.items(4)
        let written = Self.text(recorded) + "{\"url\":\"lost1\"}\n{\"url\":\"lost2\"}\n"
        let (text, report) = try await repair(written, recorded)
        #expect(text == Self.text(recorded))
        #expect(report.kept == 4)
        #expect(report.appended == 0)
    }

    @Test("from the first line that differs, the file is replaced by the records")
    func differingLine() async throws {
        let recorded = Self.items(6)
        var lines = recorded.map(\.line)
        lines[2] = "{\"url\":\"other\"}"
        let (text, report) = try await repair(lines.map { $0 + "\n" }.joined(), recorded)
        #expect(text == Self.text(recorded))
        #expect(report.kept == 2)
        #expect(report.appended == 4)
    }

    @Test("a missing file is created with every recorded item, and with none it is empty")
    func missingFile() async throws {
        let recorded = Self.items(10)
        let (text, report) = try await repair(nil, recorded)
        #expect(text == Self.text(recorded))
        #expect(report.appended == 10)
        let (empty, _) = try await repair(nil, [])
        #expect(empty == "")
    }

    @Test("records with gaps in their sequence numbers are matched in order")
    func gaps() async throws {
        let recorded = [1, 2, 5, 9].map { RecordedItem(sequence: Int64($0), url: "u\($0)", line: "{\"n\":\($0)}") }
        let (text, _) = try await repair("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n", recorded, page: 1)
        #expect(text == Self.text(recorded))
    }
}
