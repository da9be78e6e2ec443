import Foundation
import Testing
import TrawlTestSupport

/// `--content`, `--content-links`, `--markdown-dir`, `content:` rules and `extract --content`
/// through the real binary against ``ArticleSite``.
@Suite(.timeLimit(.minutes(2)))
struct ContentCommandTests {
    private func crawl(_ extra: [String], folder: TemporaryFolder, server: TestHTTPServer) async throws -> (items: [[String: Any]], stderr: String) {
        let result = try await TrawlProcess.run(
            ["crawl", server.url("/"), "--cache", folder.path("c.sqlite"), "-o", "-", "-q", "--ignore-robots"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return (jsonLines(result.stdout), result.stderr)
    }

    private func item(_ items: [[String: Any]], path: String, server: TestHTTPServer) throws -> [String: Any] {
        try #require(items.first { ($0["url"] as? String) == server.url(path) }, "no item for \(path)")
    }

    @Test("--content adds the main content and metadata beside XPath and CSS fields in one item")
    func contentBesideRules() async throws {
        let server = try TestHTTPServer(routes: ArticleSite.routes)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let (items, _) = try await crawl(
            ["--content", "--extract", "heading=//h1", "--extract", "nav[]=css:nav a::text"], folder: folder, server: server)
        #expect(items.count == ArticleSite.articles.count + 1)
        let article = ArticleSite.articles[0]
        let first = try item(items, path: article.path, server: server)
        #expect(first["heading"] as? String == article.title)
        #expect(first["nav"] as? [String] == ["Home", "First"])
        let markdown = try #require(first["markdown"] as? String)
        #expect(markdown.hasPrefix("# \(article.title)\n\n\(article.sentence)"))
        #expect(markdown.contains("[home page](\(server.url("/")))"))
        for word in ArticleSite.boilerplateWords {
            #expect(!markdown.contains(word), "boilerplate word \(word) in \(markdown)")
            #expect(!(first["text"] as? String ?? "").contains(word))
        }
        #expect(first["title"] as? String == "\(article.title) | Harbour Notes")
        #expect(first["description"] as? String == "About \(article.title).")
        #expect(first["author"] as? String == "Ada Shore")
        #expect(first["language"] as? String == "en")
        #expect((first["word_count"] as? Int ?? 0) > 50)
        let keys = Array(first.keys)
        #expect(Set(keys).isSuperset(of: ["url", "heading", "nav", "markdown", "text", "word_count"]))
    }

    @Test("--content-links text keeps link text without targets; drop removes it")
    func linkModes() async throws {
        let server = try TestHTTPServer(routes: ArticleSite.routes)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let path = ArticleSite.articles[0].path
        let (asText, _) = try await crawl(["--content", "--content-links", "text", "--max-depth", "1"], folder: folder, server: server)
        let textMarkdown = try #require(try item(asText, path: path, server: server)["markdown"] as? String)
        #expect(textMarkdown.contains("home page") && !textMarkdown.contains("]("))
        let (dropped, _) = try await crawl(["--content", "--content-links", "drop", "--max-depth", "1"], folder: folder, server: server)
        let droppedMarkdown = try #require(try item(dropped, path: path, server: server)["markdown"] as? String)
        #expect(!droppedMarkdown.contains("home page"))
    }

    @Test("--content-links with an unknown mode is a usage error")
    func badLinkMode() async throws {
        let result = try await TrawlProcess.run(["crawl", "http://127.0.0.1:9/", "--content", "--content-links", "maybe"])
        #expect(result.status == 64 || result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--content-links"))
    }

    @Test("--markdown-dir writes one file per page with front matter and an llms.txt listing them")
    func markdownFolder() async throws {
        let server = try TestHTTPServer(routes: ArticleSite.routes)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        _ = try await crawl(["--markdown-dir", folder.path("md")], folder: folder, server: server)
        let hostFolder = folder.url.appendingPathComponent("md").appendingPathComponent("127.0.0.1_\(server.port)")
        let first = try String(contentsOf: hostFolder.appendingPathComponent("posts/first.html.md"), encoding: .utf8)
        #expect(first.hasPrefix("---\nurl: \"\(server.url("/posts/first.html"))\"\ntitle: \"The first article | Harbour Notes\"\nfetched: \""))
        #expect(first.contains("---\n\n# The first article\n\n"))
        let second = hostFolder.appendingPathComponent("posts/second/index.md")
        #expect(FileManager.default.fileExists(atPath: second.path))
        let llms = try String(contentsOf: hostFolder.appendingPathComponent("llms.txt"), encoding: .utf8)
        #expect(llms.hasPrefix("# 127.0.0.1_\(server.port)\n"))
        #expect(llms.contains("- [The first article | Harbour Notes](posts/first.html.md): \(server.url("/posts/first.html"))"))
        #expect(llms.contains("- [The second article | Harbour Notes](posts/second/index.md)"))
        let lines = llms.split(separator: "\n").filter { $0.hasPrefix("- [") }
        #expect(lines.count == ArticleSite.articles.count + 1)
        // Every file named in llms.txt exists, whatever its URL looked like.
        for line in lines {
            let relative = try #require(line.split(separator: "](").last?.split(separator: ")").first)
            let path = hostFolder.appendingPathComponent(String(relative).removingPercentEncoding ?? String(relative)).path
            #expect(FileManager.default.fileExists(atPath: path), "\(line)")
        }
    }

    @Test("with --markdown-dir the job records each item as the output holds it: a re-run leaves the file as it is")
    func markdownFolderJobRecords() async throws {
        let server = try TestHTTPServer(routes: ArticleSite.routes)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let arguments = [
            "crawl", server.url("/"), "--cache", folder.path("c.sqlite"), "-o", folder.path("items.jsonl"),
            "--ignore-robots", "--content", "--markdown-dir", folder.path("md"),
        ]
        let first = try await TrawlProcess.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let written = folder.read("items.jsonl")
        #expect(!written.contains("\\u0001"), "the sink's own field never reaches the output")
        let items = try await TrawlProcess.run(["items", "--cache", folder.path("c.sqlite"), "-o", "-"])
        #expect(items.stdout == written, "the job's records equal the file")
        let again = try await TrawlProcess.run(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stderr.contains("repaired"), "\(again.stderr)")
        #expect(folder.read("items.jsonl") == written)
    }

    @Test("a config rule with content: [fields] adds only those, after the rule's fields")
    func configRule() async throws {
        let server = try TestHTTPServer(routes: ArticleSite.routes)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let config = """
            rules:
              - match: { url: "/posts/" }
                fields: { heading: "//h1" }
                content: [title, word_count]
            """
        try config.write(toFile: folder.path("c.yml"), atomically: true, encoding: .utf8)
        let (items, _) = try await crawl(["-c", folder.path("c.yml")], folder: folder, server: server)
        let first = try item(items, path: ArticleSite.articles[0].path, server: server)
        #expect(first["heading"] as? String == ArticleSite.articles[0].title)
        #expect(first["title"] as? String == "The first article | Harbour Notes")
        #expect(first["word_count"] is Int)
        #expect(first["markdown"] == nil)
    }

    @Test("extract --content turns the cached crawl into the same Markdown without the network")
    func extractFromCache() async throws {
        let server = try TestHTTPServer(routes: ArticleSite.routes)
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let (crawled, _) = try await crawl(["--content"], folder: folder, server: server)
        server.resetLog()
        let result = try await TrawlProcess.run(
            ["extract", "--all", "--content", "--cache", folder.path("c.sqlite"), "-o", "-", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.requestCount == 0)
        let extracted = jsonLines(result.stdout)
        let path = ArticleSite.articles[1].path
        let fromCache = try item(extracted, path: path, server: server)["markdown"] as? String
        #expect(fromCache != nil)
        #expect(fromCache == (try item(crawled, path: path, server: server)["markdown"] as? String))
    }
}
