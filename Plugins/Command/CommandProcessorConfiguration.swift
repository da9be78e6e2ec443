import Foundation

/// How to run a command processor: the argument vector, how many children, and the limits.
public struct CommandProcessorConfiguration: Sendable {
    /// The argument vector: the program (a path, or a name looked up in `PATH`) and its
    /// arguments. Run directly, never through a shell.
    public var arguments: [String]
    /// Children run at once; pages go to the one with the fewest pages in flight.
    public var workers: Int
    /// Seconds a page may wait for its answer. Without it one stuck page would hold its crawl
    /// worker, and at the end the whole crawl, for ever.
    public var timeout: Double
    /// Restarts allowed per child within ``restartWindow``; past that its pages fail at once
    /// (with the child's last stderr lines) instead of restarting a broken program in a loop.
    public var maxRestarts: Int
    /// Seconds over which restarts are counted.
    public var restartWindow: Double
    /// Seconds before the first restart within the window; each further one waits twice as long.
    public var restartBackoff: Double
    /// Longest answer line in bytes; a longer one fails its page instead of growing without bound.
    public var maxAnswerBytes: Int

    public init(
        arguments: [String], workers: Int = 1, timeout: Double = 60, maxRestarts: Int = 5,
        restartWindow: Double = 60, restartBackoff: Double = 0.1, maxAnswerBytes: Int = 64 << 20
    ) {
        self.arguments = arguments
        self.workers = workers
        self.timeout = timeout
        self.maxRestarts = maxRestarts
        self.restartWindow = restartWindow
        self.restartBackoff = restartBackoff
        self.maxAnswerBytes = maxAnswerBytes
    }

    /// The program's name as given, for messages.
    var program: String { arguments.first ?? "" }

    /// Checks the limits and finds the executable (in `PATH` when the program has no slash).
    ///
    /// - Returns: the executable's path.
    public func validated() throws(CommandProcessorError) -> String {
        guard let program = arguments.first, !program.isEmpty else {
            throw CommandProcessorError(.cannotStart, "no program given")
        }
        guard workers >= 1 else { throw CommandProcessorError(.cannotStart, "workers must be at least 1, got \(workers)") }
        guard timeout > 0, timeout.isFinite else {
            throw CommandProcessorError(.cannotStart, "the timeout must be a positive number of seconds")
        }
        guard maxRestarts >= 0, restartWindow >= 0, restartBackoff >= 0, maxAnswerBytes > 0 else {
            throw CommandProcessorError(.cannotStart, "restart limits must not be negative")
        }
        if program.contains("/") {
            guard Self.isExecutableFile(program) else {
                throw CommandProcessorError(.cannotStart, "'\(program)' is not an executable file")
            }
            return program
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + program
            if Self.isExecutableFile(candidate) { return candidate }
        }
        throw CommandProcessorError(.cannotStart, "'\(program)' was not found in PATH")
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
