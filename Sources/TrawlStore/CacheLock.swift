import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The owner of the advisory lock that makes one store the only writer of a cache.
///
/// An exclusive `flock` on the sidecar file `<cache>-lock`, which holds the owner's pid for the
/// error a second writer gets. The kernel drops the lock when the descriptor closes, in `deinit`
/// or when the process dies, even by `kill -9`: a stale file is harmless and reused. The file is
/// never deleted, since a process that had opened it just before would then lock a different
/// inode than the next one. `flock` (unlike `fcntl` locks) conflicts between two descriptors of
/// the same process too, so a second store in this process is refused the same way.
///
/// Not Sendable: owned by the writer, released when the writer is.
final class CacheLock {
    private let descriptor: Int32
    /// The lock file.
    let path: String

    /// How long opening waits for another writer to let go, like SQLite's busy timeout: a store
    /// dropped without `close()` releases the lock only once its last commit has run.
    static let waitLimit = DispatchTimeInterval.seconds(2)

    /// Takes the lock on `<cachePath>-lock`, creating the file if needed, waiting up to
    /// ``waitLimit`` for a holder to let go.
    ///
    /// - Throws: `.inUse` naming the holder's pid, `.cannotCreate` when the file cannot be opened.
    init(cachePath: String) throws(StoreError) {
        let path = cachePath + "-lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError(.cannotCreate, path: cachePath, message: "cannot open \(path): \(Self.errorText())")
        }
        let reason = Self.lock(descriptor)
        guard reason == 0 else {
            let holder = Self.readPID(descriptor)
            close(descriptor)
            guard reason == EWOULDBLOCK else {
                throw StoreError(.io, path: cachePath, message: "cannot lock \(path): \(String(cString: strerror(reason)))")
            }
            throw StoreError(.inUse, path: cachePath, message: holder.map { "pid \($0)" } ?? "pid unknown")
        }
        // Best effort: the pid only improves the message a second writer gets.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    /// Polls `flock(LOCK_EX | LOCK_NB)` until it succeeds, fails otherwise, or the wait limit
    /// passes; a blocking `flock` could not be bounded. Returns 0 or the last `errno`.
    private static func lock(_ descriptor: Int32) -> Int32 {
        let deadline = DispatchTime.now() + waitLimit
        while true {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return 0 }
            let reason = errno
            guard reason == EWOULDBLOCK, DispatchTime.now() < deadline else { return reason }
            usleep(10_000)
        }
    }

    private static func readPID(_ descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: bytes[0..<count], as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}

/// Confined to the writer; see the type's documentation.
@available(*, unavailable)
extension CacheLock: Sendable {}
