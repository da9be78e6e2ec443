import Foundation
import Synchronization
import TrawlCore

/// Writes one Markdown file per page under a folder, and an `llms.txt` index per host.
///
/// Each page goes to ``MarkdownFileName/relativePath(for:)`` under ``root``, as a front-matter
/// block (`url`, `title`, `fetched`, as YAML double-quoted strings) followed by the page's
/// Markdown. ``finish()`` writes `<root>/<host folder>/llms.txt` for every host seen: a
/// heading, a one-line summary and one `- [title](relative/path.md): url` line per page,
/// sorted by path, in the llms.txt format (llmstxt.org).
///
/// Thread-safe: ``write(url:title:fetched:markdown:)`` may be called from many tasks at once;
/// a mutex guards the index, and each file is written whole by one call.
public final class MarkdownDirectory: Sendable {
    /// A write that failed: the path and the system's reason.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    private struct Entry {
        var path: String
        var url: String
        var title: String?
    }

    public let root: URL
    private let entries = Mutex<[String: [String: Entry]]>([:])

    /// Prepares writing under `root` (created when missing).
    public init(root: String) throws(WriteError) {
        self.root = URL(fileURLWithPath: root, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: root, reason: error.localizedDescription)
        }
    }

    /// Writes the page's file, replacing an older one; returns its relative path, or nil for a
    /// URL that is not http(s).
    @discardableResult
    public func write(url: String, title: String?, fetched: String, markdown: String) throws(WriteError) -> String? {
        guard let relative = MarkdownFileName.relativePath(for: url) else { return nil }
        var text = "---\nurl: "
        JSONValue.writeString(url, to: &text)
        if let title {
            text += "\ntitle: "
            JSONValue.writeString(title, to: &text)
        }
        text += "\nfetched: "
        JSONValue.writeString(fetched, to: &text)
        text += "\n---\n\n" + markdown + "\n"
        let file = root.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw WriteError(path: file.path, reason: error.localizedDescription)
        }
        let host = String(relative.prefix { $0 != "/" })
        entries.withLock { hosts in
            hosts[host, default: [:]][relative] = Entry(path: String(relative.dropFirst(host.count + 1)), url: url, title: title)
        }
        return relative
    }

    /// Writes `llms.txt` for every host written so far.
    public func finish() throws(WriteError) {
        let hosts = entries.withLock { $0 }
        for (host, pages) in hosts {
            var text = "# \(host)\n\n> Pages of \(host) with their main content as Markdown, one file per page.\n\n## Pages\n\n"
            for entry in pages.values.sorted(by: { $0.path < $1.path }) {
                let title = (entry.title ?? entry.url).replacingOccurrences(of: "]", with: "\\]")
                    .replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "\n", with: " ")
                text += "- [\(title)](\(MarkdownRenderer.escapeDestination(entry.path))): \(entry.url)\n"
            }
            let file = root.appendingPathComponent(host).appendingPathComponent("llms.txt")
            do { try Data(text.utf8).write(to: file, options: .atomic) } catch {
                throw WriteError(path: file.path, reason: error.localizedDescription)
            }
        }
    }
}
