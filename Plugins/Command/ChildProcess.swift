import Foundation
import Synchronization

/// One running child process: owns its pid and the parent's ends of its stdin, stdout and stderr.
///
/// Started with `posix_spawn` from an argument vector; no shell is involved, so nothing in a page
/// can ever be interpreted as a command. The pid is reaped by a thread of its own, which reports
/// the exit only after the stdout reader has delivered every line the child wrote, so an answer
/// written just before exiting is never mistaken for a lost page. ``signal(_:)`` is safe against
/// pid reuse: the pid is marked gone, under the lock, before it is reaped.
///
/// Threads: a writer (stdin), two readers (stdout, stderr) and a reaper; callbacks run on them.
final class ChildProcess: Sendable {
    /// Where the child's output goes; each closure runs on one of the child's threads.
    struct Handlers: Sendable {
        /// One line from stdout, without the newline; `overflowed` when it was cut short.
        var answer: @Sendable (_ line: [UInt8], _ overflowed: Bool) -> Void
        /// One line from stderr, cut to the reader's limit.
        var diagnostic: @Sendable (_ line: [UInt8]) -> Void
        /// The exit, after the last answer line: "exited with status 1", "killed by signal 9".
        var exit: @Sendable (_ status: String) -> Void
    }

    let pid: pid_t
    private let input: PipeWriter
    /// The read ends of stdout and stderr until ``start(maxLine:handlers:)`` hands them to their threads.
    private let outputs: Mutex<(stdout: FileDescriptor, stderr: FileDescriptor)?>
    /// True once the child has exited (before it is reaped), and the waiters for that moment.
    private let ended = Mutex<(exited: Bool, reaped: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, false, []))

    /// Spawns `executable` with `arguments` (argv, the first being the program's name).
    ///
    /// Nothing is read or reaped until ``start(maxLine:handlers:)``, so that the owner can
    /// record the child before its first event; meanwhile the pipes hold what it writes.
    init(executable: String, arguments: [String]) throws(CommandProcessorError) {
        let (stdin, stdout, stderr, pid) = try Self.spawnLock.withLock { _ throws(CommandProcessorError) in
            let stdin = try FileDescriptor.makePipe()
            let stdout = try FileDescriptor.makePipe()
            let stderr = try FileDescriptor.makePipe()
            let pid = try Self.spawn(executable, arguments, stdin: stdin.read, stdout: stdout.write, stderr: stderr.write)
            return (stdin, stdout, stderr, pid)
        }
        self.pid = pid
        // The child's ends stay open in the child only; here they close when this scope ends.
        input = PipeWriter(stdin.write)
        outputs = Mutex((stdout.read, stderr.read))
    }

    /// Starts the reader and reaper threads; call once.
    func start(maxLine: Int, handlers: Handlers) {
        guard let (stdout, stderr) = outputs.withLock({ outputs in
            defer { outputs = nil }
            return outputs
        }) else { return }
        let readersDone = DispatchSemaphore(value: 0)
        LineReader.start(stdout, maxLine: maxLine, onLine: handlers.answer) { readersDone.signal() }
        LineReader.start(stderr, maxLine: 1000, onLine: { line, _ in handlers.diagnostic(line) }) {
            readersDone.signal()
        }
        Thread.detachNewThread { [self, pid] in
            let status = reap(pid, readersDone: readersDone)
            handlers.exit(status)
            let waiters = ended.withLock { state in
                state.reaped = true
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }

    /// Queues one line for the child's stdin. Never blocks.
    func send(_ line: [UInt8]) {
        input.send(line)
    }

    /// Closes the child's stdin once the queued lines are written.
    func closeInput() {
        input.close()
    }

    /// Sends `signal` to the child unless it has already exited.
    func signal(_ signal: Int32) {
        ended.withLock { state in
            if !state.exited { kill(pid, signal) }
        }
    }

    /// Suspends until the child has exited and its exit has been reported.
    func waitForExit() async {
        await withCheckedContinuation { continuation in
            let done = ended.withLock { state in
                if !state.reaped { state.waiters.append(continuation) }
                return state.reaped
            }
            if done { continuation.resume() }
        }
    }

    /// Waits (on the reaper thread) for the child to exit, marks it gone, lets the readers
    /// deliver its last lines (answers, and the stderr quoted in failures), and reaps it.
    private func reap(_ pid: pid_t, readersDone: DispatchSemaphore) -> String {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        ended.withLock { $0.exited = true }
        // A grandchild that inherited the pipes could hold them open for ever: wait a little only.
        let deadline = DispatchTime.now() + 2
        _ = readersDone.wait(timeout: deadline)
        _ = readersDone.wait(timeout: deadline)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if status & 0x7F == 0 { return "exited with status \((status >> 8) & 0xFF)" }
        return "killed by signal \(status & 0x7F)"
    }

    /// Held from creating a child's pipes to spawning it, so that no other child of ours is
    /// spawned before the pipes are marked close-on-exec.
    private static let spawnLock = Mutex(())

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34), looked up at run time because
    /// Swift does not see the declaration; nil where the C library lacks it.
    private static let addCloseFrom: (@convention(c) (UnsafeMutableRawPointer, Int32) -> Int32)? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutableRawPointer, Int32) -> Int32).self)
        #else
        return nil
        #endif
    }()

    private static func spawn(
        _ executable: String, _ arguments: [String],
        stdin: FileDescriptor, stdout: FileDescriptor, stderr: FileDescriptor
    ) throws(CommandProcessorError) -> pid_t {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, stdin.rawValue, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout.rawValue, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr.rawValue, 2)
        // Sockets, the cache database and other children's pipes are none of the child's business.
        if let addCloseFrom = Self.addCloseFrom {
            _ = withUnsafeMutablePointer(to: &actions) { addCloseFrom(UnsafeMutableRawPointer($0), 3) }
        }
        // The spawning thread may block signals (the writer threads block SIGPIPE); the child
        // starts with none blocked and SIGPIPE at its default, like a program run from a shell.
        var none = sigset_t()
        sigemptyset(&none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // A process group of its own keeps Ctrl-C in the terminal from killing the child: Trawl
        // then lets the pages in flight finish, which needs the child, and closes its stdin.
        posix_spawnattr_setpgroup(&attributes, 0)
        #if canImport(Darwin)
        let flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
        let flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else {
            throw CommandProcessorError(
                .cannotStart, "cannot start '\(executable)': \(String(cString: strerror(result)))")
        }
        return pid
    }
}
