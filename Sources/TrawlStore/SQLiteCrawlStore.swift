import Foundation
import Logging
import TrawlCore

/// The embedded cache: responses and failures in one SQLite file, written in batches.
///
/// Writes collect in memory and are committed by a dedicated writer queue, one transaction per
/// batch of `batchSize` rows (or about 4 MiB of bodies). At most one batch commits while the next
/// fills; a writer that would overflow waits, so memory stays bounded. Reads see pending writes
/// first, then ask a separate reader connection, which WAL lets run while the writer commits.
///
/// Threading: every method may be called from any task. No SQLite call runs on the cooperative
/// pool except the synchronous `init`.
public final class SQLiteCrawlStore: CrawlStore, @unchecked Sendable {
    // Safe because `buffer` is read and written only while holding `lock`; every other stored
    // property is immutable and Sendable (the queues confine their connections).
    private let lock = NSLock()
    private var buffer: WriteBuffer<Waiter>
    private let writer: DatabaseQueue<CacheWriter>
    private let reader: DatabaseQueue<CacheReader>
    private let logger: Logger

    /// The cache file.
    public let path: String

    /// A parked caller: resumed with `.success(false)` when the commit it waits for ends, or the
    /// error that commit failed with.
    typealias Waiter = CheckedContinuation<Result<Bool, StoreError>, Never>

    /// Above this many body bytes a batch commits early, whatever `batchSize` says.
    static let maxBatchBodyBytes = 4 << 20

    /// Opens or creates the cache database at `path`, creating missing parent folders.
    ///
    /// Validates before writing anything: a file that is not SQLite, or another application's
    /// database, throws `.notACache` and is left untouched.
    ///
    /// - Parameters:
    ///   - batchSize: rows per write transaction; larger batches write faster and hold more memory.
    /// - Throws: `.cannotCreate`, `.notACache`, `.newerVersion`, `.corrupt`, `.locked` (another
    ///   process is writing this cache), `.io`.
    public init(
        path: String, batchSize: Int = 256, logger: Logger = Logger(label: "trawl.store")
    ) throws(StoreError) {
        self.path = path
        self.logger = logger
        self.buffer = WriteBuffer(limits: .init(count: max(1, batchSize), bodyBytes: Self.maxBatchBodyBytes))

        try Self.createParentFolder(of: path)
        let writerConnection = try Self.open(path, create: true)
        try CacheSchema.prepare(writerConnection, logger: logger)
        let readerConnection = try Self.open(path, create: false)
        do {
            try readerConnection.execute("PRAGMA query_only=ON")
        } catch {
            throw StoreError(error, path: path)
        }
        self.writer = DatabaseQueue(
            label: "trawl.store.writer", path: path,
            resource: CacheWriter(connection: writerConnection, logger: logger))
        self.reader = DatabaseQueue(
            label: "trawl.store.reader", path: path,
            resource: CacheReader(connection: readerConnection, logger: logger))
        logger.debug("opened cache", metadata: ["trawl.cache": "\(path)", "trawl.batch-size": "\(batchSize)"])
    }

    deinit {
        // A store dropped without close() still commits what it buffered, best effort: the
        // writer queue keeps itself alive until the block has run. Errors have no one to go to.
        let pending = lock.withLock { buffer.isClosed ? nil : buffer.filling }
        if let pending, !pending.isEmpty {
            writer.submit({ writer throws(StoreError) in try writer.commit(pending) }) { _ in }
        }
    }

    private static func createParentFolder(of path: String) throws(StoreError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.cannotCreate, path: path, message: "cannot create folder \(folder)")
        }
    }

    private static func open(_ path: String, create: Bool) throws(StoreError) -> SQLiteConnection {
        do throws(SQLiteError) {
            let connection = try SQLiteConnection(path: path, create: create)
            try connection.setBusyTimeout(milliseconds: 2_000)
            return connection
        } catch {
            throw StoreError(error, path: path)
        }
    }

    // MARK: CrawlStore

    /// The stored response for `key`: a pending write if there is one, else the committed row.
    /// A malformed row is a miss.
    public func cachedResponse(forKey key: String) async throws(StoreError) -> Response? {
        let pending: Result<Response?, StoreError> = lock.withLock {
            buffer.isClosed ? .failure(.closed(path)) : .success(buffer.pendingResponse(forKey: key))
        }
        if let response = try pending.get() { return response }
        return try await reader.run { reader throws(StoreError) in try reader.response(forKey: key) }
    }

    /// Buffers `response` under `key`, replacing an earlier one; waits only when the buffer is full.
    public func store(_ response: Response, key: String) async throws(StoreError) {
        logger.trace("store", metadata: ["trawl.key": "\(key)", "trawl.url": "\(response.requestedURL)"])
        try await add { $0.store(response, forKey: key) }
    }

    /// Buffers a failure of the page at `url`; a key that failed before counts one more attempt.
    public func recordFailure(_ reason: FailureReason, key: String, url: String) async throws(StoreError) {
        logger.trace("record failure", metadata: ["trawl.key": "\(key)", "trawl.url": "\(url)"])
        let now = Date()
        try await add { $0.recordFailure(reason, key: key, url: url, at: now) }
    }

    /// Commits every write made before this call.
    public func flush() async throws(StoreError) {
        let target: Result<Int, StoreError> = lock.withLock {
            buffer.isClosed ? .failure(.closed(path)) : .success(buffer.flushTarget)
        }
        try await flush(through: target.get())
    }

    /// Flushes, then closes both connections. Every later call throws `.closed`.
    public func close() async throws(StoreError) {
        guard let target = lock.withLock({ buffer.close() }) else { throw .closed(path) }
        var flushError: StoreError?
        do {
            try await flush(through: target)
        } catch {
            flushError = error
        }
        // The reader goes first, so the writer's close is the last and removes the WAL file.
        await reader.close()
        await writer.close()
        logger.debug("closed cache", metadata: ["trawl.cache": "\(path)"])
        if let flushError { throw flushError }
    }

    /// Counts and sizes after committing every earlier write.
    public func statistics() async throws(StoreError) -> StoreStatistics {
        try await flush()
        return try await reader.run { reader throws(StoreError) in try reader.statistics() }
    }
}

extension SQLiteCrawlStore {
    /// Applies `write` to the buffer, waiting for the running commit while the buffer is full.
    private func add(_ write: (inout WriteBatch) -> Void) async throws(StoreError) {
        while true {
            let result = await withCheckedContinuation { (waiter: Waiter) in
                switch lock.withLock({ buffer.add(write, waiter: waiter) }) {
                case .added(let batch):
                    if let batch { startCommit(batch) }
                    waiter.resume(returning: .success(true))
                case .parked(let batch):
                    if let batch { startCommit(batch) }
                case .closed:
                    waiter.resume(returning: .failure(.closed(path)))
                }
            }
            if try result.get() { return }
        }
    }

    /// Waits until every batch up to `target` is committed, starting commits as needed.
    private func flush(through target: Int) async throws(StoreError) {
        while true {
            let result = await withCheckedContinuation { (waiter: Waiter) in
                let action = lock.withLock { buffer.flush(through: target, waiter: waiter) }
                switch action {
                case .done: waiter.resume(returning: .success(true))
                case .wait: break
                case .commit(let batch): startCommit(batch)
                }
            }
            if try result.get() { return }
        }
    }

    /// Commits `batch` on the writer queue, then wakes whoever waits for it.
    private func startCommit(_ batch: WriteBatch) {
        writer.submit({ writer throws(StoreError) in try writer.commit(batch) }) { result in
            self.commitEnded(result)
        }
    }

    private func commitEnded(_ result: Result<Void, StoreError>) {
        switch result {
        case .success:
            let (waiters, next) = lock.withLock { buffer.commitSucceeded() }
            if let next { startCommit(next) }
            for waiter in waiters { waiter.resume(returning: .success(false)) }
        case .failure(let error):
            let waiters = lock.withLock { buffer.commitFailed() }
            for waiter in waiters { waiter.resume(returning: .failure(error)) }
        }
    }
}
