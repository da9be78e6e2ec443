import Foundation
import Logging
import Testing
import TrawlCommandProcessor
import TrawlCore

/// How the command processor fails pages, alone, when its child crashes, stalls or misbehaves.
@Suite(.timeLimit(.minutes(1)))
struct CommandProcessorFailureTests {
    let scripts: CommandScripts
    let logger = Logger(label: "trawl.test")

    init() throws {
        scripts = try CommandScripts()
    }

    /// The error `process` threw for `page`, or nil when it succeeded.
    private func failure(_ processor: CommandProcessor, _ page: Page) async -> CommandProcessorError? {
        do {
            _ = try await processor.process(page)
            return nil
        } catch let error as CommandProcessorError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test("a child that exits after three pages is restarted and every later page is still processed")
    func crashAndRestart() async throws {
        let processor = try CommandProcessor(configuration: scripts.configuration("crash.py"), logger: logger)
        defer { scripts.folder.remove() }
        var pids: Set<JSONValue> = []
        for index in 0..<8 {
            let output = try await processor.process(CommandScripts.page("p\(index)"))
            pids.insert(try #require(output.items.first?.fields.first?.value))
        }
        await processor.shutdown()
        #expect(pids.count == 3, "pages 1-3, 4-6 and 7-8 each went to a new child")
    }

    @Test("past the restart limit pages fail with a clear message quoting the child's stderr")
    func restartLimit() async throws {
        let processor = try CommandProcessor(
            configuration: scripts.configuration("broken.py", maxRestarts: 2), logger: logger)
        defer { scripts.folder.remove() }
        var errors: [CommandProcessorError] = []
        for index in 0..<4 {
            errors.append(try #require(await failure(processor, CommandScripts.page("p\(index)"))))
        }
        await processor.shutdown()
        for error in errors {
            #expect(error.code == .exited || error.code == .restartLimit, "\(error)")
            #expect(error.description.contains("fatal: config file missing"), "\(error)")
        }
        let last = try #require(errors.last)
        #expect(last.code == .restartLimit)
        #expect(last.description.contains("exited 3 times within 60 s and is not restarted"), "\(last)")
    }

    @Test("a page not answered in time fails alone; others succeed, and its late answer is discarded")
    func timeout() async throws {
        let processor = try CommandProcessor(configuration: scripts.configuration("slow.py", timeout: 3), logger: logger)
        defer { scripts.folder.remove() }
        // The timeout counts from the hand-over, start-up included: on a busy machine Python may
        // take longer than that to start, so wait until the child answers before timing anything.
        var ready = false
        for _ in 0..<10 where !ready {
            ready = (try? await processor.process(CommandScripts.page("warm-up"))) != nil
        }
        try #require(ready)
        async let slow = failure(processor, CommandScripts.page("slow"))
        async let fast = processor.process(CommandScripts.page("fast"))
        let slowError = await slow
        #expect(slowError?.code == .timeout)
        #expect(slowError?.description == "no answer within 3 s")
        #expect(try await fast.items.first?.fields.first?.value == .string("https://example.test/dir/fast"))
        // slow.py now sends the held answer first: it must not be taken for /late's.
        let late = try await processor.process(CommandScripts.page("late"))
        #expect(late.items.first?.fields.first?.value == .string("https://example.test/dir/late"))
        await processor.shutdown()
    }

    @Test(
        "a malformed answer fails its page with the child's line in the message; the next page is fine",
        arguments: [
            ("notjson", "not JSON", "oops, this is not json"),
            ("noid", "no integer \"id\"", #"{"items": [{"lost": true}]}"#),
            ("items", "\"items\" is not an array", #""items":"nope""#),
            ("links", "a link is not a string", #""links":[1,2]"#),
        ])
    func malformed(kind: String, reason: String, line: String) async throws {
        let processor = try CommandProcessor(configuration: scripts.configuration("malformed.py"), logger: logger)
        defer { scripts.folder.remove() }
        let error = try #require(await failure(processor, CommandScripts.page(kind)))
        #expect(error.code == .malformedAnswer)
        #expect(error.description.contains(reason), "\(error)")
        #expect(error.description.contains(line), "\(error)")
        let next = try await processor.process(CommandScripts.page("fine"))
        #expect(next.items.first?.fields.first?.value == .bool(true))
        await processor.shutdown()
    }

    @Test("an answer with \"error\" fails that page with the child's message")
    func errorAnswer() async throws {
        let processor = try CommandProcessor(configuration: scripts.configuration("malformed.py"), logger: logger)
        defer { scripts.folder.remove() }
        let error = try #require(await failure(processor, CommandScripts.page("error")))
        await processor.shutdown()
        #expect(error.code == .failedByCommand)
        #expect(error.description == "the command failed the page: cannot parse this page")
    }
}
