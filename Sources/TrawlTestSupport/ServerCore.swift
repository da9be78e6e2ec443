import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shared state of one ``TestHTTPServer``: the listener, open connections, the request
/// log and the in-flight gauge, plus the threads that serve them.
///
/// The accept thread and connection threads hold the core, not the server, so the server's
/// `deinit` can run and stop them.
// @unchecked Sendable: every mutable field is read and written only while holding `lock`;
// `listenFD`, `handler` and `threads` are immutable or thread-safe themselves.
final class ServerCore: @unchecked Sendable {
    let listenFD: Int32
    let handler: @Sendable (TestRequest) -> TestResponse
    /// Every server thread is in this group while it runs, so `stop()` can wait for them all.
    private let threads = DispatchGroup()
    private let lock = NSLock()

    private var stopped = false
    private var openConnections: [Int: Int32] = [:]
    private var nextConnectionID = 1
    private var log: [LoggedRequest] = []
    private var accepted = 0
    private var current = 0
    private var peak = 0

    init(listenFD: Int32, handler: @escaping @Sendable (TestRequest) -> TestResponse) {
        self.listenFD = listenFD
        self.handler = handler
    }

    // MARK: Threads

    /// Starts the accept thread.
    func start() {
        spawn { [self] in acceptLoop() }
    }

    private func spawn(_ body: @escaping @Sendable () -> Void) {
        threads.enter()
        let thread = Thread { [threads] in
            body()
            threads.leave()
        }
        thread.stackSize = 512 * 1024
        thread.start()
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if isStopped { return }
                // EINTR, ECONNABORTED or a transient descriptor shortage: try again shortly.
                if errno != EINTR { usleep(1000) }
                continue
            }
            Socket.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
            guard let id = register(fd) else {
                close(fd)
                return
            }
            spawn { [self] in
                HTTPConnection(fd: fd, id: id, core: self).run()
            }
        }
    }

    /// Stops accepting, wakes every connection thread and waits (up to 5 s) for all threads.
    ///
    /// Must not be called from inside a handler: it would wait for its own thread.
    func stop() {
        let wasStopped: Bool = lock.withLock {
            defer { stopped = true }
            guard !stopped else { return true }
            for fd in openConnections.values { shutdown(fd, Int32(SHUT_RDWR)) }
            return false
        }
        if wasStopped { return }
        // shutdown() wakes the thread blocked in accept(); only then is the descriptor closed.
        shutdown(listenFD, Int32(SHUT_RDWR))
        _ = threads.wait(timeout: .now() + 5)
        close(listenFD)
    }

    var isStopped: Bool { lock.withLock { stopped } }

    // MARK: Connections

    private func register(_ fd: Int32) -> Int? {
        lock.withLock {
            guard !stopped else { return nil }
            let id = nextConnectionID
            nextConnectionID += 1
            accepted += 1
            openConnections[id] = fd
            return id
        }
    }

    /// Forgets and closes connection `id`; with `reset`, the peer sees a TCP RST.
    ///
    /// Closing under the lock means `stop()` never shuts down a descriptor number that the
    /// system has already handed to a newer connection.
    func closeConnection(_ id: Int, reset: Bool) {
        lock.withLock {
            guard let fd = openConnections.removeValue(forKey: id) else { return }
            if reset { Socket.armReset(fd) }
            close(fd)
        }
    }

    // MARK: Observability

    /// Records a request and counts it in flight.
    func begin(_ request: TestRequest) {
        let time = Date()
        lock.withLock {
            current += 1
            peak = max(peak, current)
            log.append(LoggedRequest(request, time: time, inFlight: current))
        }
    }

    /// Counts a request as finished.
    func end() {
        lock.withLock { current -= 1 }
    }

    var requestLog: [LoggedRequest] { lock.withLock { log } }
    var requestCount: Int { lock.withLock { log.count } }
    var connectionsAccepted: Int { lock.withLock { accepted } }
    var inFlight: Int { lock.withLock { current } }
    var maxInFlight: Int { lock.withLock { peak } }

    func resetLog() {
        lock.withLock {
            log.removeAll()
            accepted = 0
            peak = current
        }
    }

    /// Sleeps `seconds` in short slices, returning early (false) if the server stops meanwhile.
    func sleep(_ seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if isStopped { return false }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return true }
            Thread.sleep(forTimeInterval: min(left, 0.01))
        }
    }
}
