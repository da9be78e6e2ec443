import Foundation
import Testing
import TrawlContent

/// Main-content accuracy on every `Fixtures/*.html` page with a sibling `*.txt` of its
/// expected main text, scored as article-extraction benchmarks do: precision, recall and F1
/// over word tokens.
@Suite struct ContentFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The fixture names (without extension) that have both files.
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }
            .filter { files.contains($0 + ".txt") }.sorted()
    }

    @Test("the fixture folder holds pages to score")
    func fixturesExist() {
        #expect(Self.names.count >= 4)
    }

    @Test("main text of each fixture page scores word-token F1 of at least 0.90", arguments: names)
    func mainText(_ name: String) throws {
        let html = try Data(contentsOf: Self.folder.appendingPathComponent(name + ".html"))
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(name + ".txt"), encoding: .utf8)
        let content = try ContentExtractor().extract(
            body: Array(html), contentType: "text/html", url: "https://example.org/\(name).html")
        let score = WordTokenScore(extracted: content.text, expected: expected)
        #expect(score.f1 >= 0.90, "\(name): precision \(score.precision), recall \(score.recall), F1 \(score.f1)\n\(content.text)")
    }
}
