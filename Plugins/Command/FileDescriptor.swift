import Foundation

/// Owns one file descriptor and closes it when the last reference goes away.
///
/// Each pipe end has exactly one thread that uses it (the writer thread for the child's stdin,
/// a reader thread for its stdout and stderr), and that thread holds the only long-lived
/// reference, so the descriptor cannot be closed, and its number reused, while a read or write
/// on it is under way.
final class FileDescriptor: Sendable {
    let rawValue: Int32

    init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    deinit {
        close(rawValue)
    }

    /// A pipe whose two ends are close-on-exec, so that no other child inherits them: a stdin
    /// write end leaked into a second child would keep the first child from ever seeing EOF.
    ///
    /// `pipe2` is not visible to Swift, so the flag is set just after `pipe`; callers hold
    /// ``ChildProcess``'s spawn lock so that no child of ours is spawned in between.
    static func makePipe() throws(CommandProcessorError) -> (read: FileDescriptor, write: FileDescriptor) {
        var fds: [Int32] = [-1, -1]
        let result = pipe(&fds)
        if result == 0 {
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        guard result == 0 else {
            throw CommandProcessorError(.cannotStart, "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        return (FileDescriptor(fds[0]), FileDescriptor(fds[1]))
    }
}
