import Foundation
import TrawlCore

/// Makes a JSON-lines output file hold exactly a job's recorded items, for exactly-once output
/// across interruptions.
///
/// The file's longest prefix whose lines equal the recorded items (in sequence order) is kept;
/// everything after it — a torn last line, lines of items whose page was never recorded as done,
/// lines that differ — is cut off, and the recorded items after the prefix are appended. A crawl
/// that then appends new items in sequence order keeps the file equal to the job's items.
public enum JSONLinesRepair {
    /// What ``repair(path:items:)`` did.
    public struct Report: Sendable, Hashable {
        /// Lines already right and kept.
        public var kept: Int
        /// Bytes cut off the end (a torn line, items not recorded, differing lines).
        public var cutBytes: Int
        /// Recorded items appended.
        public var appended: Int
    }

    /// How many items are read from the store per call.
    static let page = 10_000

    /// Repairs the file at `path` (created when missing) against `items`, which returns the
    /// recorded items with sequence numbers above its argument, in order, at most a page at a time
    /// (an empty answer ends them).
    public static func repair(
        path: String, items: (Int64) async throws -> [RecordedItem]
    ) async throws -> Report {
        // Mapped, not read: a large output file is compared page by page, never copied.
        let existing: Data
        if FileManager.default.fileExists(atPath: path) {
            do { existing = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
                throw OutputError("cannot read output file '\(path)': \(error)")
            }
        } else {
            existing = Data()
        }
        var offset = 0  // end of the kept prefix in `existing`
        var kept = 0
        var pending: [RecordedItem] = []
        var after: Int64 = 0
        outer: while true {
            let batch = try await items(after)
            guard let last = batch.last else { break }
            after = last.sequence
            for (index, item) in batch.enumerated() {
                if let end = lineEnd(in: existing, from: offset),
                    existing[offset..<end].elementsEqual(item.line.utf8)
                {
                    offset = end + 1
                    kept += 1
                    continue
                }
                pending = Array(batch[index...])
                break outer
            }
        }
        let cut = existing.count - offset
        guard cut > 0 || !pending.isEmpty || !FileManager.default.fileExists(atPath: path) else {
            return Report(kept: kept, cutBytes: 0, appended: 0)
        }
        let handle: FileHandle
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw OutputError("cannot write output file '\(path)'")
            }
        }
        guard let opened = FileHandle(forWritingAtPath: path) else {
            throw OutputError("cannot write output file '\(path)'")
        }
        handle = opened
        defer { try? handle.close() }
        do {
            try handle.truncate(atOffset: UInt64(offset))
            try handle.seekToEnd()
            var buffer: [UInt8] = []
            var appended = 0
            var after = after
            // Items still to append: those after the first mismatch, then the rest of the store's.
            while true {
                for item in pending {
                    buffer.append(contentsOf: item.line.utf8)
                    buffer.append(UInt8(ascii: "\n"))
                    appended += 1
                    if buffer.count >= 1 << 20 {
                        try handle.write(contentsOf: buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                guard !pending.isEmpty else { break }
                pending = try await items(after)
                if let last = pending.last { after = last.sequence }
            }
            try handle.write(contentsOf: buffer)
            return Report(kept: kept, cutBytes: cut, appended: appended)
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError("cannot repair output file '\(path)': \(error)")
        }
    }

    /// The index of the newline ending the line that starts at `start`, or nil (no complete line).
    private static func lineEnd(in bytes: Data, from start: Int) -> Int? {
        guard start < bytes.endIndex else { return nil }
        return bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
    }
}
