import Foundation
import Synchronization
import TrawlFrontier

/// A frontier clock that stands still until a test moves it: sleepers wake only when
/// ``advance(to:)`` reaches their deadline, so timer tests need no real waiting.
final class ManualFrontierClock: FrontierClock {
    private struct State {
        var now: Duration = .zero
        var sleepers: [UUID: (deadline: Duration, continuation: CheckedContinuation<Void, any Error>)] = [:]
    }

    private let state = Mutex(State())

    var now: Duration { state.withLock { $0.now } }

    /// Sleeps now pending.
    var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    func sleep(until deadline: Duration) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let due = state.withLock { state in
                    if state.now >= deadline { return true }
                    state.sleepers[id] = (deadline, continuation)
                    return false
                }
                if due { continuation.resume() }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the time to `time` and wakes every sleeper whose deadline it reaches.
    func advance(to time: Duration) {
        let due = state.withLock { state in
            state.now = max(state.now, time)
            let due = state.sleepers.filter { $0.value.deadline <= state.now }
            for id in due.keys { state.sleepers[id] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in due { continuation.resume() }
    }

    /// Returns once someone sleeps on this clock.
    func waitForSleeper() async {
        while sleeperCount == 0 { await Task.yield() }
    }
}
