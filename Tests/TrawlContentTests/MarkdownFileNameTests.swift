import Foundation
import Testing
@testable import TrawlContent

@Suite struct MarkdownFileNameTests {
    private func path(_ url: String) -> String? { MarkdownFileName.relativePath(for: url) }

    @Test("plain paths map to folders and a .md file named after the last segment")
    func plainPaths() {
        #expect(path("https://example.org/") == "example.org/index.md")
        #expect(path("https://example.org") == "example.org/index.md")
        #expect(path("https://example.org/docs/intro.html") == "example.org/docs/intro.html.md")
        #expect(path("https://example.org/docs/guide/") == "example.org/docs/guide/index.md")
        #expect(path("http://example.org:8080/a") == "example.org_8080/a.md")
        #expect(path("https://example.org/a#section") == path("https://example.org/a"))
    }

    @Test("the same URL always gives the same name")
    func stable() {
        let url = "https://example.org/Some Path/ü?x=1&y=2"
        #expect(path(url) == path(url))
        #expect(MarkdownFileName.hexHash("abc") == "\(MarkdownFileName.hexHash("abc"))")
        #expect(MarkdownFileName.hexHash("abc").count == 8)
    }

    @Test("query strings give a hashed suffix, different for different queries")
    func queries() throws {
        let one = try #require(path("https://example.org/search?q=swift"))
        let two = try #require(path("https://example.org/search?q=rust"))
        #expect(one.hasPrefix("example.org/search-q-") && one.hasSuffix(".md"))
        #expect(one != two)
        #expect(one != path("https://example.org/search"))
    }

    @Test("unicode letters are kept in NFC; percent-encoded paths decode")
    func unicode() throws {
        #expect(path("https://example.org/caf%C3%A9") == "example.org/café.md")
        #expect(path("https://example.org/%E6%97%A5%E6%9C%AC") == "example.org/日本.md")
        // NFD input (e + combining accent) gives the same NFC name, with a hash since it changed.
        let decomposed = try #require(path("https://example.org/cafe%CC%81"))
        #expect(decomposed.hasPrefix("example.org/café"))
    }

    @Test("names that would collide are told apart by a hash")
    func collisions() throws {
        let urls = [
            "https://example.org/a", "https://example.org/A", "https://example.org/a%20b", "https://example.org/a-b",
            "https://example.org/a/", "https://example.org/a/index", "https://example.org/a.", "https://example.org/a?",
            "https://example.org/x/y", "https://example.org/x//y", "https://example.org/a:b", "https://example.org/a*b",
        ]
        let names = try urls.map { try #require(path($0)) }
        #expect(Set(names).count == urls.count, "\(names)")
        #expect(Set(names.map { $0.lowercased() }).count == urls.count, "names differ only by case")
    }

    @Test("every name is safe: short segments, allowed characters, no dot files, no device names")
    func safety() throws {
        let urls = [
            "https://example.org/" + String(repeating: "segment/", count: 60) + "end",
            "https://example.org/" + String(repeating: "é", count: 300),
            "https://example.org/../.hidden", "https://example.org/CON", "https://example.org/nul.txt",
            "https://example.org/a<b>c|d\"e", "https://example.org/%00%2F%5C", "https://example.org/trailing.",
        ]
        for url in urls {
            let name = try #require(path(url), "\(url)")
            #expect(name.utf8.count <= 200, "\(name)")
            for segment in name.split(separator: "/") {
                #expect(segment.utf8.count <= 90, "\(segment)")
                #expect(!segment.hasPrefix("."), "\(segment)")
                #expect(!["con", "nul", "con.md", "nul.txt.md"].contains(segment.lowercased()), "\(segment)")
                #expect(!segment.contains { "<>:\"\\|?*".contains($0) || $0.asciiValue.map { $0 < 0x20 } == true }, "\(segment)")
            }
        }
    }

    @Test("non-http URLs have no file")
    func otherSchemes() {
        #expect(path("ftp://example.org/a") == nil)
        #expect(path("not a url") == nil)
    }

    @Test("the folder writer writes front matter and an llms.txt per host sorted by path")
    func directory() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("trawl-md-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = try MarkdownDirectory(root: root.path)
        try directory.write(url: "https://example.org/b", title: "B \"quoted\" [x]", fetched: "2026-01-01T00:00:00Z", markdown: "# B")
        try directory.write(url: "https://example.org/a", title: nil, fetched: "2026-01-01T00:00:00Z", markdown: "A")
        try directory.write(url: "https://other.net/", title: "Other", fetched: "2026-01-01T00:00:00Z", markdown: "O")
        try directory.finish()
        let b = try String(contentsOf: root.appendingPathComponent("example.org/b.md"), encoding: .utf8)
        #expect(b == "---\nurl: \"https://example.org/b\"\ntitle: \"B \\\"quoted\\\" [x]\"\nfetched: \"2026-01-01T00:00:00Z\"\n---\n\n# B\n")
        let llms = try String(contentsOf: root.appendingPathComponent("example.org/llms.txt"), encoding: .utf8)
        #expect(llms.contains("## Pages\n\n- [https://example.org/a](a.md): https://example.org/a\n- [B \"quoted\" \\[x\\]](b.md): https://example.org/b\n"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("other.net/llms.txt").path))
    }
}
