import Dispatch
import Foundation
import Synchronization

/// Ctrl-C and SIGTERM handling: the first signal stops the crawl gracefully — no new requests,
/// requests in flight get `grace` seconds to finish, the cache and the output are flushed, the
/// summary is printed; when the grace period runs out `onGraceExpired` runs (it commits what is
/// recorded and exits). A second signal exits at once. Exit codes follow the shell's convention:
/// 130 for SIGINT, 143 for SIGTERM.
final class InterruptHandler: Sendable {
    private let counter = InterruptCounter()
    // The sources live as long as the handler; Dispatch sources are thread-safe.
    private nonisolated(unsafe) let sources: [any DispatchSourceSignal]

    init(
        grace: Double = .infinity, onFirstInterrupt: @escaping @Sendable () async -> Void,
        onGraceExpired: (@Sendable (Int32) async -> Void)? = nil
    ) {
        var sources: [any DispatchSourceSignal] = []
        let counter = self.counter
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            let code = 128 + signalNumber
            source.setEventHandler { @Sendable in
                let seen = counter.increment(code: code)
                if seen == 1 {
                    let name = signalNumber == SIGINT ? "press Ctrl-C again" : "send SIGTERM again"
                    let wait = grace.isFinite ? " (requests in flight get \(Self.seconds(grace)))" : ""
                    FileHandle.standardError.write(Data("\ntrawl: stopping\(wait); \(name) to quit now\n".utf8))
                    Task { await onFirstInterrupt() }
                    if let onGraceExpired, grace.isFinite {
                        Task {
                            try? await Task.sleep(for: .seconds(grace))
                            await onGraceExpired(code)
                        }
                    }
                } else {
                    Foundation.exit(code)
                }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    var wasInterrupted: Bool { counter.value > 0 }

    /// 130 after SIGINT, 143 after SIGTERM (the first signal decides), 0 before any.
    var exitCode: Int32 { counter.firstCode }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    deinit {
        for source in sources { source.cancel() }
    }
}

/// How many interrupts arrived, and the exit code of the first; shared between the signal
/// handlers and the command.
private final class InterruptCounter: Sendable {
    private let count = Atomic<Int>(0)
    private let code = Atomic<Int32>(0)

    func increment(code newCode: Int32) -> Int {
        _ = code.compareExchange(expected: 0, desired: newCode, ordering: .relaxed)
        return count.add(1, ordering: .relaxed).newValue
    }

    var value: Int { count.load(ordering: .relaxed) }
    var firstCode: Int32 { code.load(ordering: .relaxed) }
}
