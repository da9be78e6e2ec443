import Foundation

/// A file (truncated when opened) or standard output, written through a 64 KiB buffer.
///
/// Shared by the item writers so that a crawl of many small items costs few system calls.
/// A value type with no locking: each writer actor owns one and is its only caller.
struct BufferedOutput {
    private let handle: FileHandle
    private let closesHandle: Bool
    private var buffer: [UInt8] = []
    private(set) var isClosed = false
    private static let flushThreshold = 64 * 1024

    /// Opens `path` for writing (creating it, and truncating it unless `append`); `-` means
    /// standard output.
    init(path: String, append: Bool = false) throws(OutputError) {
        if path == "-" {
            handle = FileHandle.standardOutput
            closesHandle = false
            return
        }
        if !(append && FileManager.default.fileExists(atPath: path)) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw OutputError("cannot write output file '\(path)'")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw OutputError("cannot write output file '\(path)'")
        }
        if append {
            do { try handle.seekToEnd() } catch { throw OutputError("cannot append to output file '\(path)': \(error)") }
        }
        self.handle = handle
        closesHandle = true
    }

    /// Appends `text` as UTF-8, writing the buffer out once it passes the threshold.
    mutating func write(_ text: String) throws(OutputError) {
        guard !isClosed else { throw OutputError("the output is already closed") }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes out the buffer and closes the file (never standard output). A second call does nothing.
    mutating func close() throws(OutputError) {
        guard !isClosed else { return }
        isClosed = true
        try flush()
        guard closesHandle else { return }
        do { try handle.close() } catch { throw OutputError("cannot close the output: \(error)") }
    }

    private mutating func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { throw OutputError("cannot write the output: \(error)") }
        buffer.removeAll(keepingCapacity: true)
    }
}
