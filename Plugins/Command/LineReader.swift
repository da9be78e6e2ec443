import Foundation

/// Reads lines from a pipe on a thread of its own until end of file.
///
/// The read blocks, which is why it never happens on the cooperative pool. Lines longer than
/// `maxLine` bytes are cut to that length and reported as overflowed; the rest of such a line
/// is skipped.
enum LineReader {
    /// Starts the reading thread. `onLine` is called on it for each line, without the newline;
    /// `onEnd` once, after the last line, when the pipe reports end of file or an error.
    static func start(
        _ descriptor: FileDescriptor, maxLine: Int,
        onLine: @escaping @Sendable (_ line: [UInt8], _ overflowed: Bool) -> Void,
        onEnd: @escaping @Sendable () -> Void
    ) {
        Thread.detachNewThread {
            readLines(descriptor, maxLine: maxLine, onLine: onLine)
            onEnd()
        }
    }

    private static func readLines(
        _ descriptor: FileDescriptor, maxLine: Int, onLine: (_ line: [UInt8], _ overflowed: Bool) -> Void
    ) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var line: [UInt8] = []
        var overflowed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor.rawValue, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            var start = 0
            for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
                append(buffer[start..<index], to: &line, overflowed: &overflowed, maxLine: maxLine)
                onLine(line, overflowed)
                line.removeAll(keepingCapacity: true)
                overflowed = false
                start = index + 1
            }
            append(buffer[start..<count], to: &line, overflowed: &overflowed, maxLine: maxLine)
        }
        if !line.isEmpty || overflowed { onLine(line, overflowed) }
    }

    private static func append(
        _ bytes: ArraySlice<UInt8>, to line: inout [UInt8], overflowed: inout Bool, maxLine: Int
    ) {
        let room = maxLine - line.count
        if bytes.count > room {
            line += bytes.prefix(max(room, 0))
            overflowed = true
        } else {
            line += bytes
        }
    }
}
