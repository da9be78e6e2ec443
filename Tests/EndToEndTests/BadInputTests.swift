import Foundation
import Testing
import TrawlTestSupport

/// Bad input fails before any fetch: one line on stderr, exit code 2, and the server sees nothing.
@Suite(.timeLimit(.minutes(2)))
struct BadInputTests {
    /// Runs `trawl crawl <server> extra…` and checks the failure contract.
    private func expectRejected(
        _ extra: [String], mentioning fragment: String, seed: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let server = try TestHTTPServer(routes: ["/": .html("<h1>hi</h1>")])
        let folder = try TemporaryFolder()
        defer { folder.remove(); server.stop() }
        var arguments = ["crawl"]
        arguments.append(seed ?? server.url("/"))
        arguments += ["--cache", folder.path("c.sqlite"), "-o", folder.path("o.jsonl")] + extra
        let result = try await TrawlProcess.run(arguments)
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("trawl: "), sourceLocation: sourceLocation)
        #expect(result.stderr.contains(fragment), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(server.requestCount == 0, sourceLocation: sourceLocation)
    }

    @Test("an unknown flag") func unknownFlag() async throws {
        try await expectRejected(["--no-such-flag"], mentioning: "--no-such-flag")
    }

    @Test("job options: a negative --grace, or --fresh with --resume-anyway") func badJobOptions() async throws {
        try await expectRejected(["--grace", "-1"], mentioning: "--grace")
        try await expectRejected(["--fresh", "--resume-anyway"], mentioning: "--fresh and --resume-anyway")
    }

    @Test("an invalid seed URL") func invalidSeed() async throws {
        try await expectRejected([], mentioning: "invalid seed URL", seed: "http://exa mple.org/")
    }

    @Test("a seed with a scheme other than http or https") func ftpSeed() async throws {
        try await expectRejected([], mentioning: "only http and https", seed: "ftp://127.0.0.1/x")
    }

    @Test("a bad glob") func badGlob() async throws {
        try await expectRejected([], mentioning: "invalid seed glob", seed: "http://127.0.0.1/[1-")
    }

    @Test("a bad XPath expression") func badXPath() async throws {
        try await expectRejected(["--extract", "title=//h1["], mentioning: "invalid --extract 'title=//h1['")
    }

    @Test("a bad JSONPath expression") func badJSONPath() async throws {
        try await expectRejected(["--extract", "name=$.a["], mentioning: "invalid --extract 'name=$.a['")
    }

    @Test("an expression of neither kind") func unknownExpression() async throws {
        try await expectRejected(["--extract", "name=h1"], mentioning: "must start with $")
        try await expectRejected(["--extract", "name=h1"], mentioning: "css:")
    }

    @Test("a CSS selector that does not compile names its column") func badCSS() async throws {
        try await expectRejected(["--extract", "price=css:span[x"], mentioning: "invalid --extract 'price=css:span[x': CSS selector column 7")
        try await expectRejected(["--each", "css:div >"], mentioning: "invalid --each 'css:div >': CSS selector column 6")
    }

    @Test("bad field modifiers") func badModifiers() async throws {
        try await expectRejected(["--extract", "p:number,integer=//p"], mentioning: "more than one type")
        try await expectRejected(["--extract", "p[]:numbr=//p"], mentioning: "unknown modifier")
        try await expectRejected(["--extract", "n:raw=$.name"], mentioning: "raw applies to XPath and CSS")
        try await expectRejected(["--extract", "[]=//p"], mentioning: "the field name is empty")
    }

    @Test("--each of one kind with fields of the other, or a field named index") func badEach() async throws {
        try await expectRejected(["--each", "$.results[*]", "--extract", "t=//h1"], mentioning: "every --extract must be JSONPath")
        try await expectRejected(["--each", "css:li", "--extract", "n=$.name"], mentioning: "every --extract must be XPath or CSS")
        try await expectRejected(["--each", "//li", "--extract", "index=./a"], mentioning: "\"index\" is reserved")
        try await expectRejected(["--each", "li"], mentioning: "invalid --each 'li'")
        try await expectRejected(["--each", "//li["], mentioning: "invalid --each '//li['")
    }

    @Test("a field named url") func reservedField() async throws {
        try await expectRejected(["--extract", "url=//a/@href"], mentioning: "reserved")
    }

    @Test("a field named twice") func duplicateField() async throws {
        try await expectRejected(["--extract", "t=//h1", "--extract", "t=//h2"], mentioning: "used twice")
    }

    @Test("a zero concurrency, a bad size, a bad allow-host") func badNumbers() async throws {
        try await expectRejected(["--concurrency", "0"], mentioning: "--concurrency")
        try await expectRejected(["--max-body", "ten"], mentioning: "--max-body")
        try await expectRejected(["--allow-host", "a b"], mentioning: "--allow-host")
    }

    @Test("an unreadable --cacert file") func missingCACertificates() async throws {
        try await expectRejected(["--cacert", "/nonexistent/ca.pem"], mentioning: "--cacert")
    }

    @Test("a cache path that cannot be created") func uncreatableCache() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try "x".write(toFile: folder.path("file"), atomically: true, encoding: .utf8)
        try await expectRejected(["--cache", folder.path("file/sub/c.sqlite")], mentioning: "cache")
    }

    @Test("a file that is not a Trawl cache is reported and left untouched") func notACache() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "these are my notes, not a database\n"
        try text.write(toFile: folder.path("notes.txt"), atomically: true, encoding: .utf8)
        try await expectRejected(["--cache", folder.path("notes.txt")], mentioning: "notes.txt")
        #expect(folder.read("notes.txt") == text)
    }

    @Test("--help and --version exit 0")
    func helpAndVersion() async throws {
        let version = try await TrawlProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try await TrawlProcess.run(["crawl", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--extract"))
    }
}
