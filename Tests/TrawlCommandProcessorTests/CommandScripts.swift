import Foundation
import TrawlCommandProcessor
import TrawlCore
import TrawlTestSupport

/// Small Python processors for the tests, written to a temporary folder and run by argv.
struct CommandScripts {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder(prefix: "trawl-command")
        for (name, text) in Self.scripts {
            try text.write(toFile: folder.path(name), atomically: true, encoding: .utf8)
        }
    }

    /// A configuration running `script` with `python3`; restarts back off for 10 ms only.
    func configuration(
        _ script: String, arguments: [String] = [], workers: Int = 1, timeout: Double = 20, maxRestarts: Int = 5
    ) -> CommandProcessorConfiguration {
        CommandProcessorConfiguration(
            arguments: ["python3", folder.path(script)] + arguments, workers: workers, timeout: timeout,
            maxRestarts: maxRestarts, restartBackoff: 0.01)
    }

    /// The README's example, `examples/command-processor/titles.py`.
    static var titlesExample: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/command-processor/titles.py").path
    }

    /// A page at `https://example.test/dir/NAME`.
    static func page(_ name: String, body: [UInt8] = Array("<p>hello</p>".utf8), depth: Int = 1) -> Page {
        Page(
            url: "https://example.test/dir/\(name)", status: 200,
            headers: [("Content-Type", "text/html"), ("X-Twice", "a"), ("x-twice", "b")], body: body, depth: depth)
    }

    private static let scripts: [String: String] = [
        // Echoes what it received: an item with its own url, a second with the page's, and links.
        "echo.py": """
            import json, sys
            for line in sys.stdin:
                page = json.loads(line)
                item = {"url": "/item/%d" % page["id"], "status": page["status"], "depth": page["depth"],
                        "type": page["headers"].get("content-type"), "twice": page["headers"].get("x-twice"),
                        "body": page.get("body"), "base64": page.get("body_base64")}
                links = ["/a", "b?x=1", "https://elsewhere.test/c", "mailto:x@example.test", "http://[bad"]
                print(json.dumps({"id": page["id"], "items": [item, {"n": 2}], "links": links}), flush=True)
            """,
        // Waits until four pages are in flight, then answers them last first.
        "reverse.py": """
            import json, sys
            batch = []
            for line in sys.stdin:
                batch.append(json.loads(line))
                if len(batch) == 4:
                    for page in reversed(batch):
                        print(json.dumps({"id": page["id"], "items": [{"echo": page["url"]}]}), flush=True)
                    batch = []
            """,
        // Exits after answering three pages.
        "crash.py": """
            import json, os, sys
            for count, line in enumerate(sys.stdin, 1):
                page = json.loads(line)
                print(json.dumps({"id": page["id"], "items": [{"pid": os.getpid()}]}), flush=True)
                if count == 3:
                    print("crash.py: leaving after 3 pages", file=sys.stderr, flush=True)
                    sys.exit(1)
            """,
        // Cannot even start.
        "broken.py": """
            import sys
            print("fatal: config file missing", file=sys.stderr, flush=True)
            sys.exit(3)
            """,
        // Never answers /slow in time: its answer comes only with the answer to /late.
        "slow.py": """
            import json, sys
            held = None
            for line in sys.stdin:
                page = json.loads(line)
                if page["url"].endswith("/slow"):
                    held = page["id"]
                    continue
                if page["url"].endswith("/late") and held is not None:
                    print(json.dumps({"id": held, "items": [{"late": True}]}), flush=True)
                print(json.dumps({"id": page["id"], "items": [{"ok": page["url"]}]}), flush=True)
            """,
        // Answers with its own arguments and the page URL, to show what reached it.
        "argv.py": """
            import json, sys
            for line in sys.stdin:
                page = json.loads(line)
                print(json.dumps({"id": page["id"], "items": [{"argv": sys.argv[1:], "url": page["url"]}]}), flush=True)
            """,
        // Floods stderr: 1500 lines of 5000 characters, then one line per page.
        "chatty.py": """
            import json, sys
            for n in range(1500):
                print("x" * 5000, file=sys.stderr)
            for line in sys.stdin:
                page = json.loads(line)
                print("chatty: working on " + page["url"], file=sys.stderr, flush=True)
                print(json.dumps({"id": page["id"]}), flush=True)
            """,
        // Answers each page the way its name asks.
        "malformed.py": """
            import json, sys
            for line in sys.stdin:
                page = json.loads(line)
                kind = page["url"].rsplit("/", 1)[1]
                answers = {
                    "notjson": "oops, this is not json",
                    "noid": json.dumps({"items": [{"lost": True}]}),
                    "items": json.dumps({"id": page["id"], "items": "nope"}),
                    "links": json.dumps({"id": page["id"], "links": [1, 2]}),
                    "error": json.dumps({"id": page["id"], "error": "cannot parse this page"}),
                }
                print(answers.get(kind, json.dumps({"id": page["id"], "items": [{"fine": True}]})), flush=True)
            """,
    ]
}
