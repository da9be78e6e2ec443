import Foundation

/// Sends Ctrl-C to a running `trawl` from the test server's own thread once the server has
/// answered a given number of requests, so that the interrupt lands mid-crawl however late the
/// test's own task gets to run (on two loaded cores the cooperative pool can stall for seconds,
/// long enough for a short crawl to finish before a polling test would send the signal).
// @unchecked Sendable: every stored property is only touched while holding `lock`.
public final class InterruptTrigger: @unchecked Sendable {
    private let lock = NSLock()
    private let threshold: Int
    private var served = 0
    private var running: TrawlProcess.Running?
    private var fired = false

    /// A trigger that fires once `threshold` requests were answered.
    public init(after threshold: Int) {
        self.threshold = threshold
    }

    /// The process to interrupt; fires at once if the threshold was already reached.
    public func arm(_ process: TrawlProcess.Running) {
        lock.withLock { running = process }
        fireIfDue()
    }

    /// Counts one answered request; call it from the server's handler.
    public func requestServed() {
        lock.withLock { served += 1 }
        fireIfDue()
    }

    /// Whether the interrupt was sent.
    public var hasFired: Bool { lock.withLock { fired } }

    private func fireIfDue() {
        let target: TrawlProcess.Running? = lock.withLock {
            guard !fired, served >= threshold, let running else { return nil }
            fired = true
            return running
        }
        target?.interrupt()
    }
}
