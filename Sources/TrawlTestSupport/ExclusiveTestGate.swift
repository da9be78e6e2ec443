/// Keeps two kinds of tests apart: the ones that load the machine (the resume tests start a
/// dozen `trawl` processes in a row) and the ones that measure time on the server's clock (the
/// politeness-delay tests). On two cores, a timing test beside a heavy one sees its server thread
/// starved long enough to log a request late and a delay look shorter than it was.
///
/// An async FIFO lock: `run` suspends (never blocks a thread) until the gate is free.
public actor ExclusiveTestGate {
    public static let shared = ExclusiveTestGate()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` while no other `run` of this gate is running.
    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
