import Foundation

/// Starts child processes one at a time.
///
/// Foundation's `Process.run()` on Linux is not safe to call from several threads at once: with
/// the end-to-end suites launching `trawl`, `openssl` and `warcio` in parallel it crashed in a
/// `memmove` inside `run()` (seen once in a full `make test`). Launching is quick, so one lock
/// around it costs nothing; the processes still run side by side.
public enum ProcessLaunch {
    private static let lock = NSLock()

    /// Calls `process.run()` while no other test is launching a process.
    public static func run(_ process: Process) throws {
        try lock.withLock { try process.run() }
    }
}
