import Foundation
import TrawlTestSupport

/// Runs a program other than `trawl` (warcio, python) and captures its output; the wait happens
/// on a thread of its own so the cooperative pool never blocks.
struct ExternalTool {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `.build/pyvenv/bin`, where `make test` installs warcio, found from the working directory
    /// (the package root under `swift test`) or `TRAWL_PYVENV`.
    static var pythonBin: URL {
        if let venv = ProcessInfo.processInfo.environment["TRAWL_PYVENV"] {
            return URL(fileURLWithPath: venv).appendingPathComponent("bin")
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/pyvenv/bin")
    }

    /// Runs `executable arguments…` to its end.
    static func run(_ executable: URL, _ arguments: [String]) async throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try ProcessLaunch.run(process)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                // Read both pipes to their end before waiting, so a full pipe cannot stall the child.
                let errData = LockedData()
                let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
                reader.start()
                let outData = out.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                let stderr = errData.wait()
                continuation.resume(
                    returning: Result(
                        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                        stderr: String(decoding: stderr, as: UTF8.self)))
            }
        }
    }
}

/// Data handed from one thread to another once.
private final class LockedData: @unchecked Sendable {
    // `data` is written once before `done` is signalled and read only after.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    func set(_ value: Data) {
        data = value
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
