import Foundation
import Logging
import Testing
import TrawlCommandProcessor
import TrawlCore

/// The command processor with real child processes: the request and answer formats, pages in
/// flight at once, several workers.
@Suite(.timeLimit(.minutes(1)))
struct CommandProcessorTests {
    let scripts: CommandScripts
    let logger = Logger(label: "trawl.test")

    init() throws {
        scripts = try CommandScripts()
    }

    @Test("a page goes out as one JSON line and its answer comes back as items and resolved links")
    func echo() async throws {
        let processor = try CommandProcessor(configuration: scripts.configuration("echo.py"), logger: logger)
        defer { scripts.folder.remove() }
        let output = try await processor.process(CommandScripts.page("p", depth: 2))
        await processor.shutdown()

        #expect(output.fields.isEmpty)
        try #require(output.items.count == 2)
        let first = output.items[0]
        #expect(first.url.hasPrefix("https://example.test/item/"))
        #expect(first.fields.map(\.name) == ["status", "depth", "type", "twice", "body", "base64"])
        #expect(first.fields[0].value == .number("200"))
        #expect(first.fields[1].value == .number("2"))
        #expect(first.fields[2].value == .string("text/html"))
        #expect(first.fields[3].value == .string("a, b"), "repeated headers are joined")
        #expect(first.fields[4].value == .string("<p>hello</p>"))
        #expect(first.fields[5].value == .null)
        #expect(output.items[1] == Item(url: "https://example.test/dir/p", fields: [Field(name: "n", value: .number("2"))]))
        #expect(output.links.map(\.absoluteString) == [
            "https://example.test/a", "https://example.test/dir/b?x=1", "https://elsewhere.test/c",
        ], "relative links resolved; mailto and unparsable ones skipped")
    }

    @Test("a body that is not UTF-8 is sent as body_base64")
    func binaryBody() async throws {
        let processor = try CommandProcessor(configuration: scripts.configuration("echo.py"), logger: logger)
        defer { scripts.folder.remove() }
        let output = try await processor.process(CommandScripts.page("bin", body: [0xFF, 0x00, 0x80, 0x0A]))
        await processor.shutdown()
        let fields = try #require(output.items.first?.fields)
        #expect(fields.first { $0.name == "body" }?.value == .null)
        #expect(fields.first { $0.name == "base64" }?.value == .string("/wCACg=="))
    }

    @Test("four pages in flight to one child are answered in reverse order and each gets its own answer")
    func outOfOrder() async throws {
        let processor = try CommandProcessor(configuration: scripts.configuration("reverse.py"), logger: logger)
        defer { scripts.folder.remove() }
        // reverse.py answers nothing until four pages are in flight: this completes only if the
        // four really are sent at once.
        let echoes = try await withThrowingTaskGroup(of: (String, JSONValue?).self) { group in
            for name in ["one", "two", "three", "four"] {
                group.addTask {
                    let page = CommandScripts.page(name)
                    return (page.url, try await processor.process(page).items.first?.fields.first?.value)
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        await processor.shutdown()
        #expect(echoes.count == 4)
        for (url, echo) in echoes { #expect(echo == .string(url)) }
    }

    @Test("with two workers, pages in flight at once are spread over both children")
    func twoWorkers() async throws {
        let processor = try CommandProcessor(configuration: scripts.configuration("reverse.py", workers: 2), logger: logger)
        defer { scripts.folder.remove() }
        // Each child answers only once it holds four pages: eight pages finish only when each
        // child got exactly four of them.
        let count = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask { try await processor.process(CommandScripts.page("p\(index)")).items.count }
            }
            return try await group.reduce(0, +)
        }
        await processor.shutdown()
        #expect(count == 8)
    }

    @Test("a program that does not exist is refused before any page")
    func missingProgram() throws {
        let configuration = CommandProcessorConfiguration(arguments: ["/nonexistent/trawl-processor"])
        #expect(throws: CommandProcessorError.self) {
            _ = try CommandProcessor(configuration: configuration, logger: logger)
        }
        let unknown = CommandProcessorConfiguration(arguments: ["trawl-no-such-program-anywhere"])
        do {
            _ = try CommandProcessor(configuration: unknown, logger: logger)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .cannotStart)
            #expect(error.description.contains("not found in PATH"))
        }
        scripts.folder.remove()
    }
}

extension CommandProcessorTests {
    @Test("the child's stderr goes to the debug log, each line cut short and at most 1000 lines per child")
    func stderrLogged() async throws {
        let records = CapturingLogHandler.Records()
        let logger = Logger(label: "trawl.test") { _ in CapturingLogHandler(records: records) }
        let processor = try CommandProcessor(configuration: scripts.configuration("chatty.py"), logger: logger)
        defer { scripts.folder.remove() }
        _ = try await processor.process(CommandScripts.page("p"))
        // After shutdown the child is reaped, which waits for its stderr to be read to the end.
        await processor.shutdown()
        let lines = records.entries.withLock { entries in
            entries.filter { $0.message == "command stderr" }.compactMap { $0.metadata["trawl.line"]?.description }
        }
        #expect(lines.count == 1000)
        #expect(lines.allSatisfy { $0.utf8.count <= 1000 })
        #expect(lines.first?.allSatisfy { $0 == "x" } == true)
        #expect(records.entries.withLock { $0.allSatisfy { $0.level == .debug } })
    }
}

extension CommandProcessorTests {
    @Test("arguments reach the program word for word and page data is only ever data: no shell is involved")
    func noShell() async throws {
        let marker = scripts.folder.path("pwned")
        let arguments = ["two words", "; touch \(marker)", "$(touch \(marker))", "-x"]
        let processor = try CommandProcessor(
            configuration: scripts.configuration("argv.py", arguments: arguments), logger: logger)
        defer { scripts.folder.remove() }
        let page = Page(
            url: "https://example.test/$(touch%20\(marker))';touch", status: 200, headers: [], body: Array("`touch \(marker)`".utf8),
            depth: 0)
        let output = try await processor.process(page)
        await processor.shutdown()
        let fields = try #require(output.items.first?.fields)
        #expect(fields.first?.value == .array(arguments.map { .string($0) }))
        #expect(output.items.first?.url == page.url)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }
}
