import Foundation
import TrawlCore

/// Where items go. Called from many workers at once; implementations serialize writes.
public protocol ItemSink: Sendable {
    /// Writes one item. Throwing stops the crawl (the output is unusable).
    func write(_ item: Item) async throws
    /// Writes anything buffered and releases the output.
    func close() async throws
}

/// Writes items as JSON lines to a file (truncated when opened) or to standard output.
///
/// Lines are buffered up to 64 KiB so that a crawl of many small items costs few system calls.
public actor JSONLinesWriter: ItemSink {
    private let handle: FileHandle
    private let closesHandle: Bool
    private var buffer: [UInt8] = []
    private static let flushThreshold = 64 * 1024

    /// Opens `path` for writing (creating or truncating it); `-` means standard output.
    public init(path: String) throws(OutputError) {
        if path == "-" {
            handle = FileHandle.standardOutput
            closesHandle = false
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw OutputError("cannot write output file '\(path)'") }
        self.handle = handle
        closesHandle = true
    }

    public func write(_ item: Item) throws {
        buffer.append(contentsOf: item.jsonLine.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    public func close() throws {
        try flush()
        if closesHandle { try handle.close() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The output could not be opened or written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
