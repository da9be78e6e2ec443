import Foundation

/// Sends Ctrl-C to a running `trawl` from the test server's own thread once the server has
/// answered a given number of requests, so that the interrupt lands mid-crawl however late the
/// test's own task gets to run (on two loaded cores the cooperative pool can stall for seconds,
/// long enough for a short crawl to finish before a polling test would send the signal).
// @unchecked Sendable: every stored property is only touched while holding `lock`.
public final class InterruptTrigger: @unchecked Sendable {
    private let lock = NSLock()
    private let threshold: Int
    private let signal: Int32
    private var served = 0
    private var running: TrawlProcess.Running?
    private var fired = false

    /// A trigger that sends `signal` (SIGINT by default) once `threshold` requests were answered.
    public init(after threshold: Int, signal: Int32 = SIGINT) {
        self.threshold = threshold
        self.signal = signal
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
        target?.send(signal)
    }
}

extension TestHTTPServer {
    /// A hub page at `/` linking to `/p0` … `/p(pages-1)`, each answered after `pageDelay`
    /// seconds; every request counts toward `trigger`, so a crawl of it is interrupted midway.
    public static func interruptibleHub(pages: Int, pageDelay: Double, trigger: InterruptTrigger) throws -> TestHTTPServer {
        let links = (0..<pages).map { "<a href=\"/p\($0)\">p</a>" }.joined()
        return try TestHTTPServer(host: "127.0.0.1") { request in
            defer { trigger.requestServed() }
            if request.path == "/" { return .html("<html><body><h1>hub</h1>\(links)</body></html>") }
            return TestResponse.html("<html><body><h1>\(request.path)</h1></body></html>").delayed(by: pageDelay)
        }
    }
}
