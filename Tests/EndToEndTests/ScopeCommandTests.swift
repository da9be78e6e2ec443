import Foundation
import Testing
import TrawlTestSupport

/// The link rules through the real binary: which links are requested, and the summary's count of
/// the others by reason.
@Suite(.timeLimit(.minutes(2)))
struct ScopeCommandTests {
    @Test("allow-domain, include/exclude, strip-query, sort-query, URL length and trap guard: the server sees exactly the admitted URLs and the summary counts each dropped link")
    func linkRulesEndToEnd() async throws {
        let longPath = "/long/" + String(repeating: "x", count: 120)
        let links = [
            "/keep/a?utm_source=x&b=2&a=1",  // stripped and sorted: /keep/a?a=1&b=2
            "/keep/a?a=1&b=2&utm_medium=y",  // the same page after normalization
            "/keep/b",
            "/skip/c",  // excluded
            "/other/d",  // not included
            longPath,  // too long
            "/t/t/t/t/t",  // trap: one segment five times in a row
            "http://elsewhere.invalid/x",  // out of scope
        ]
        let hub = "<html><body><h1>hub</h1>" + links.map { "<a href=\"\($0)\">l</a>" }.joined() + "</body></html>"
        let server = try TestHTTPServer(host: "127.0.0.1") { request in
            switch request.path {
            case "/": .html(hub)
            case "/robots.txt": .notFound
            default: .html("<html><body><h1>\(request.target)</h1></body></html>")
            }
        }
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let result = try await TrawlProcess.run([
            "crawl", server.url("/"), "--cache", folder.path("c.sqlite"), "-o", folder.path("items.jsonl"),
            "--extract", "title=//h1", "--include", "/keep/", "--include", "/skip/", "--exclude", "/skip/",
            "--strip-query", "utm_*", "--sort-query", "--max-url-length", "100",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = Set(server.requestLog.map(\.target)).subtracting(["/robots.txt"])
        #expect(pages == ["/", "/keep/a?a=1&b=2", "/keep/b"])
        #expect(server.requestCount == 4, "each page once, plus robots.txt")
        #expect(
            result.stderr.contains("links not followed: excluded 2, out-of-scope 1, too-long 1, trap 1"),
            "\(result.stderr)")
    }

    @Test("--allow-domain admits subdomains on a label boundary only, and a bad regex is exit 2 before any fetch")
    func allowDomainAndBadRegex() async throws {
        let server = try TestHTTPServer(routes: ["/": .html("<h1>hi</h1>")])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        let bad = try await TrawlProcess.run([
            "crawl", server.url("/"), "--cache", folder.path("c.sqlite"), "--include", "(unclosed",
        ])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("trawl: invalid --include regex '(unclosed'"), "\(bad.stderr)")
        #expect(bad.stderr.split(separator: "\n").count == 1)
        let wildcard = try await TrawlProcess.run([
            "crawl", server.url("/"), "--cache", folder.path("c.sqlite"), "--allow-domain", "*.example.com",
        ])
        #expect(wildcard.status == 2)
        #expect(wildcard.stderr.contains("--allow-domain"), "\(wildcard.stderr)")
        #expect(server.requestCount == 0)
    }
}
