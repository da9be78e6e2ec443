import Foundation

/// Runs the real `trawl` binary built beside the tests and captures what it printed.
public struct TrawlProcess: Sendable {
    /// What one run printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The `trawl` executable next to the test bundle (`.build/debug/trawl`).
    public static var executableURL: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // The runner may sit inside TrawlPackageTests.xctest/Contents/MacOS on macOS.
        while !folder.path.isEmpty, folder.path != "/" {
            let candidate = folder.appendingPathComponent("trawl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/trawl")
    }

    /// Runs `trawl arguments…` in `directory`, waiting at most `timeout` seconds (then killing it).
    ///
    /// The wait happens on a thread of its own: blocking one of the cooperative pool's few
    /// threads for a whole run would stall every other test's timers.
    public static func run(
        _ arguments: [String], in directory: URL? = nil, timeout: Double = 60
    ) async throws -> Result {
        try await start(arguments, in: directory).result(timeout: timeout)
    }

    /// Starts `trawl arguments…` without waiting, so a test can signal it while it runs.
    public static func start(_ arguments: [String], in directory: URL? = nil) throws -> Running {
        let process = Process()
        process.executableURL = executableURL
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try ProcessLaunch.run(process)
        // Drain both pipes while the process runs so that a large output cannot block it.
        return Running(process: process, stdout: DrainedPipe(out), stderr: DrainedPipe(err))
    }

    /// A `trawl` process that is running.
    public final class Running: Sendable {
        private let process: Process
        private let stdout: DrainedPipe
        private let stderr: DrainedPipe

        fileprivate init(process: Process, stdout: DrainedPipe, stderr: DrainedPipe) {
            self.process = process
            self.stdout = stdout
            self.stderr = stderr
        }

        /// Sends SIGINT, as Ctrl-C in a terminal does.
        public func interrupt() {
            process.interrupt()
        }

        /// Sends `signal` (SIGTERM, SIGKILL…) to the process.
        public func send(_ signal: Int32) {
            let pid = process.processIdentifier
            if pid > 0 { kill(pid, signal) }
        }

        /// Waits, on a thread of its own, for the process to end (killing it after `timeout`
        /// seconds) and returns its output.
        public func result(timeout: Double = 60) async -> Result {
            await withCheckedContinuation { continuation in
                Thread.detachNewThread { continuation.resume(returning: self.wait(timeout: timeout)) }
            }
        }

        /// Blocks until the process ends (killing it after `timeout` seconds); returns its output.
        public func wait(timeout: Double = 60) -> Result {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            return Result(
                status: process.terminationStatus,
                stdout: String(decoding: stdout.wait(), as: UTF8.self),
                stderr: String(decoding: stderr.wait(), as: UTF8.self))
        }
    }
}

/// Reads a pipe to its end on a background thread.
final class DrainedPipe: @unchecked Sendable {
    // `data` is written once by the reading thread before `done` is signalled, and read only after.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
