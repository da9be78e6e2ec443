import Foundation
import Synchronization

/// Writes lines to the child's stdin from a thread of its own, in the order they were queued.
///
/// A write blocks while the child is not reading and the pipe buffer (64 KiB) is full, so it
/// never happens on the cooperative pool. The thread owns the descriptor: it closes it after
/// ``close()`` once the queue is drained, or when a write fails (the child is gone; its exit is
/// reported by the reaper, and anything still queued is dropped).
final class PipeWriter: Sendable {
    private struct State {
        var queue: [[UInt8]] = []
        var closing = false
    }

    private let state = Mutex(State())
    /// Signalled once per queued line and once by `close()`; the thread may wake to an empty queue.
    private let wake = DispatchSemaphore(value: 0)

    init(_ descriptor: FileDescriptor) {
        Thread.detachNewThread { [self] in
            Self.blockSIGPIPE()
            run(descriptor)
        }
    }

    /// Queues `line` (which ends with a newline). Never blocks.
    func send(_ line: [UInt8]) {
        state.withLock { $0.queue.append(line) }
        wake.signal()
    }

    /// Closes the child's stdin after the queued lines: a well-behaved child then exits.
    func close() {
        state.withLock { $0.closing = true }
        wake.signal()
    }

    private func run(_ descriptor: FileDescriptor) {
        while true {
            wake.wait()
            let (lines, closing) = state.withLock { state in
                defer { state.queue.removeAll() }
                return (state.queue, state.closing)
            }
            for line in lines where !Self.writeAll(line, to: descriptor) {
                state.withLock { $0.closing = true }
                return
            }
            if closing { return }
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: FileDescriptor) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                write(descriptor.rawValue, $0.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// A write to a pipe whose reader exited raises SIGPIPE in the writing thread, which would
    /// kill the whole crawler. Blocked on this thread only, it stays pending and the write fails
    /// with EPIPE instead; the rest of the process keeps its own signal settings.
    private static func blockSIGPIPE() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }
}
