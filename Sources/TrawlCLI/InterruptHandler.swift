import Dispatch
import Foundation
import Synchronization

/// Ctrl-C handling: the first SIGINT (or SIGTERM) stops the crawl gracefully — pages in flight
/// finish, the cache and the output are flushed, the summary is printed; a second one exits at once.
final class InterruptHandler: Sendable {
    private let counter = InterruptCounter()
    // The sources live as long as the handler; Dispatch sources are thread-safe.
    private nonisolated(unsafe) let sources: [any DispatchSourceSignal]

    init(onFirstInterrupt: @escaping @Sendable () async -> Void) {
        var sources: [any DispatchSourceSignal] = []
        let counter = self.counter
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { @Sendable in
                let seen = counter.increment()
                if seen == 1 {
                    FileHandle.standardError.write(Data("\ntrawl: stopping; press Ctrl-C again to quit now\n".utf8))
                    Task { await onFirstInterrupt() }
                } else {
                    Foundation.exit(130)
                }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    var wasInterrupted: Bool { counter.value > 0 }

    deinit {
        for source in sources { source.cancel() }
    }
}

/// How many interrupts arrived; shared between the signal handlers and the command.
private final class InterruptCounter: Sendable {
    private let count = Atomic<Int>(0)

    func increment() -> Int { count.add(1, ordering: .relaxed).newValue }

    var value: Int { count.load(ordering: .relaxed) }
}
