#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemListen = Glibc.listen
private let systemConnect = Glibc.connect
private let systemClose = Glibc.close
#else
private let systemListen = Darwin.listen
private let systemConnect = Darwin.connect
private let systemClose = Darwin.close
#endif

/// Thin wrappers over the BSD socket calls the test server and client use.
///
/// Everything here is blocking and works on raw descriptors; ownership (who closes what) is
/// decided by the callers (`ServerCore` for the server, `TestHTTPClient` for the client).
enum Socket {
    #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let streamType = SOCK_STREAM
    private static let sendFlags: Int32 = 0
    #endif

    /// The `errno` text for the last failing call, for error details.
    static func lastError(_ call: String) -> String {
        "\(call): \(String(cString: strerror(errno))) (errno \(errno))"
    }

    /// An IPv4 socket address for `host` (dotted quad) and `port`.
    static func address(host: String, port: Int) throws -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port)).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw TestServerError(.badAddress, host)
        }
        return address
    }

    /// A new TCP socket, with SIGPIPE suppressed where the platform needs a socket option.
    static func makeTCPSocket() -> Int32 {
        let fd = socket(AF_INET, streamType, 0)
        #if canImport(Darwin)
        if fd >= 0 { setOption(fd, SOL_SOCKET, SO_NOSIGPIPE, 1) }
        #endif
        return fd
    }

    /// Binds `host:port` (port 0 picks an ephemeral port) and listens; returns the descriptor and port.
    static func listen(host: String, port: Int) throws -> (fd: Int32, port: Int) {
        var address = try address(host: host, port: port)
        let fd = makeTCPSocket()
        guard fd >= 0 else { throw TestServerError(.listen, lastError("socket")) }
        setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let detail = lastError("bind \(host):\(port)")
            close(fd)
            throw TestServerError(.listen, detail)
        }
        guard systemListen(fd, 128) == 0 else {
            let detail = lastError("listen")
            close(fd)
            throw TestServerError(.listen, detail)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let detail = lastError("getsockname")
            close(fd)
            throw TestServerError(.listen, detail)
        }
        return (fd, Int(UInt16(bigEndian: actual.sin_port)))
    }

    /// Connects a new socket to `host:port`.
    static func connect(host: String, port: Int) throws -> Int32 {
        var address = try address(host: host, port: port)
        let fd = makeTCPSocket()
        guard fd >= 0 else { throw TestServerError(.connect, lastError("socket")) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let detail = lastError("connect \(host):\(port)")
            close(fd)
            throw TestServerError(.connect, detail)
        }
        setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        return fd
    }

    /// Closes a descriptor (`close(2)`), for types that have a `close()` method of their own.
    static func closeDescriptor(_ fd: Int32) {
        _ = systemClose(fd)
    }

    /// Sets an integer socket option, ignoring failure (all uses are best-effort tuning).
    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) {
        var value = value
        _ = setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Writes all of `bytes`; false if the peer went away or the socket was shut down.
    static func sendAll(_ fd: Int32, _ bytes: some Collection<UInt8>) -> Bool {
        let sent: Bool? = bytes.withContiguousStorageIfAvailable { sendAll(fd, $0) }
        if let sent { return sent }
        return Array(bytes).withUnsafeBufferPointer { sendAll(fd, $0) }
    }

    private static func sendAll(_ fd: Int32, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        var offset = 0
        while offset < buffer.count {
            let n = send(fd, base + offset, buffer.count - offset, sendFlags)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    /// Reads what is available (blocking for at least one byte); empty at end of stream or error.
    static func receive(_ fd: Int32, maxCount: Int = 65536) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maxCount)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, maxCount, 0) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return [] }
            buffer.removeLast(maxCount - n)
            return buffer
        }
    }

    /// Makes the next `close` send RST instead of FIN (SO_LINGER with a zero timeout).
    static func armReset(_ fd: Int32) {
        var option = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
    }

    /// Sets a receive timeout so a blocking read gives up after `seconds`.
    static func setReceiveTimeout(_ fd: Int32, seconds: Double) {
        var time = timeval(
            tv_sec: Int(seconds), tv_usec: suseconds_t((seconds - Double(Int(seconds))) * 1_000_000))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    }
}
