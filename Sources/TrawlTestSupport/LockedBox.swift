import Foundation

/// A value shared between threads behind a lock: for state a handler reads that is only
/// known after the server started (its own base URL).
// @unchecked Sendable: `stored` is only touched while holding `lock`.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
