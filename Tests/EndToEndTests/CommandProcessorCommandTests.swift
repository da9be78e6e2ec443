import Foundation
import Testing
import TrawlTestSupport

/// The real `trawl` binary running the README's Python processor example.
@Suite(.timeLimit(.minutes(2)))
struct CommandProcessorCommandTests {
    private static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/command-processor/titles.py").path

    @Test("--processor-command runs examples/command-processor/titles.py: one item per page, its links crawled")
    func titlesExample() async throws {
        let server = try TestHTTPServer(routes: [
            "/": .html(#"<html><head><title>Home</title></head><body><a href="/one">1</a><a href="two">2</a></body></html>"#),
            "/one": .html("<title>\n  One\n</title><p>text</p>"),
            "/two": .html(#"<title>Two</title><a href="/">back</a>"#),
        ])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let result = try await TrawlProcess.run([
            "crawl", server.url("/"), "-o", "-", "--quiet", "--cache", folder.path("c.sqlite"),
            "--processor-command", "python3", "--processor-arg", Self.example,
            "--processor-workers", "2", "--processor-timeout", "30",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let titles = Dictionary(uniqueKeysWithValues: jsonLines(result.stdout).map {
            ($0["url"] as? String ?? "", $0["title"] as? String ?? "")
        })
        #expect(titles == [server.url("/"): "Home", server.url("/one"): "One", server.url("/two"): "Two"])
    }

    @Test("a --processor-command that cannot be found is bad input: exit 2 before anything is fetched")
    func missingProgram() async throws {
        let server = try TestHTTPServer(routes: ["/": .html("<title>x</title>")])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let result = try await TrawlProcess.run([
            "crawl", server.url("/"), "--cache", folder.path("c.sqlite"),
            "--processor-command", "/nonexistent/processor", "--processor-arg", "-x",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid --processor-command: '/nonexistent/processor' is not an executable file"), "\(result.stderr)")
        #expect(server.requestCount == 0)
    }
}
