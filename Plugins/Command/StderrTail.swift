/// The last few lines a child wrote on stderr, quoted when its pages fail because it exited.
///
/// Bounded in lines and characters, so a chatty child costs a fixed amount of memory.
struct StderrTail: Sendable {
    static let maxLines = 5
    static let maxLineLength = 300

    private(set) var lines: [String] = []

    mutating func append(_ line: String) {
        let trimmed = line.count > Self.maxLineLength ? String(line.prefix(Self.maxLineLength)) + "…" : line
        guard !trimmed.allSatisfy(\.isWhitespace) else { return }
        lines.append(trimmed)
        if lines.count > Self.maxLines { lines.removeFirst(lines.count - Self.maxLines) }
    }

    /// The lines joined on one line, or a note that there were none.
    var text: String {
        lines.isEmpty ? "(stderr was empty)" : "stderr: " + lines.joined(separator: " | ")
    }
}
