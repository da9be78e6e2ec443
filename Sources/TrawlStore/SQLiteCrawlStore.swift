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
/// Bodies are deduplicated by SHA-256 and compressed together: each commit appends the batch's
/// new bodies, in the order they were stored, to zstd packs of up to 256 bodies or 4 MiB (see
/// ``PackWriter``), hashing and compressing on the writer queue. A pack is sealed with the
/// transaction that wrote it, so everything committed is in a sealed pack and everything not
/// committed is still in the write buffer, where reads find it. The reader keeps the last 6
/// packs it decompressed (``PackCache``): a warm crawl reading in crawl order decompresses each
/// pack about once, while a random read costs one pack's decompression.
///
/// One writer per cache: a store opened for writing holds an advisory lock on `<path>-lock`,
/// so a second writer, in this process or another, is refused with `.inUse` naming the first
/// one's pid. A store opened with `readOnly: true` takes no lock and may run beside a writer.
///
/// Threading: every method may be called from any task. No SQLite call runs on the cooperative
/// pool except the synchronous `init`.
public final class SQLiteCrawlStore: CrawlStore, @unchecked Sendable {
    // Safe because `buffer` is read and written only while holding `lock`; every other stored
    // property is immutable and Sendable (the queues confine their connections).
    private let lock = NSLock()
    private var buffer: WriteBuffer<Waiter>
    /// Nil when the store is read-only.
    let writer: DatabaseQueue<CacheWriter>?
    let reader: DatabaseQueue<CacheReader>
    private let logger: Logger
    /// The job and run that ``JobStore`` writes are made for.
    let jobContext = JobContext()

    /// The cache file.
    public let path: String

    /// A parked caller: resumed with `.success(false)` when the commit it waits for ends, or the
    /// error that commit failed with.
    typealias Waiter = CheckedContinuation<Result<Bool, StoreError>, Never>

    /// Above this many body bytes a batch commits early, whatever `batchSize` says.
    static let maxBatchBodyBytes = 4 << 20

    /// Opens or creates the cache database at `path`, creating missing parent folders, and
    /// migrates an older cache in place.
    ///
    /// Validates before writing anything: a file that is not SQLite, or another application's
    /// database, throws `.notACache` and is left untouched. A migration runs here, synchronously,
    /// under the writer lock: moving a foundation-era cache's bodies into packs takes about a
    /// second per 40 MB of bodies, then a `VACUUM` returns the space.
    ///
    /// - Parameters:
    ///   - batchSize: rows per write transaction; larger batches write faster and hold more memory.
    ///   - readOnly: open an existing cache for reading only, beside a writer if there is one:
    ///     no lock, no migration; every write throws `.readOnly`.
    /// - Throws: `.cannotCreate`, `.notACache`, `.newerVersion` (naming the Trawl that wrote it),
    ///   `.olderVersion` (read-only open of a cache that needs migrating), `.inUse` (another store
    ///   is writing this cache), `.corrupt`, `.locked`, `.io`.
    public init(
        path: String, batchSize: Int = 256, readOnly: Bool = false, logger: Logger = Logger(label: "trawl.store")
    ) throws(StoreError) {
        self.path = path
        self.logger = logger
        self.buffer = WriteBuffer(limits: .init(count: max(1, batchSize), bodyBytes: Self.maxBatchBodyBytes))
        let damaged = DamagedPacks()

        if readOnly {
            self.writer = nil
        } else {
            try Self.createParentFolder(of: path)
            let writerConnection = try Self.open(path, create: true)
            // Validate before the lock file appears beside something that is not a cache.
            try CacheSchema.validate(writerConnection)
            let lock = try CacheLock(cachePath: path)
            try CacheSchema.prepare(writerConnection, logger: logger)
            let cacheWriter: CacheWriter
            do {
                cacheWriter = try CacheWriter(connection: writerConnection, logger: logger, damaged: damaged, lock: lock)
            } catch {
                throw StoreError(error, path: path)
            }
            self.writer = DatabaseQueue(label: "trawl.store.writer", path: path, resource: cacheWriter)
        }
        let readerConnection = try Self.open(path, create: false)
        do {
            try readerConnection.execute("PRAGMA query_only=ON")
        } catch {
            throw StoreError(error, path: path)
        }
        if readOnly { try CacheSchema.prepareReadOnly(readerConnection) }
        self.reader = DatabaseQueue(
            label: "trawl.store.reader", path: path,
            resource: try CacheReader(connection: readerConnection, logger: logger, damaged: damaged))
        logger.debug(
            "opened cache",
            metadata: ["trawl.cache": "\(path)", "trawl.batch-size": "\(batchSize)", "trawl.read-only": "\(readOnly)"])
    }

    deinit {
        // A store dropped without close() still commits what it buffered, best effort: the
        // writer queue keeps itself alive until the block has run. Errors have no one to go to.
        let pending = lock.withLock { buffer.isClosed ? nil : buffer.filling }
        if let pending, !pending.isEmpty, let writer {
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
        try requireWriter()
        try await add { $0.store(response, forKey: key) }
    }

    /// Buffers `response`, freshened by a 304, under `key`, remembering when it was revalidated
    /// (``CacheEntry/revalidatedAt``) and when its body was received.
    public func storeRevalidated(_ response: Response, key: String) async throws(StoreError) {
        try requireWriter()
        try await add { $0.store(response, forKey: key, revalidated: true) }
    }

    /// Buffers a failure of the page at `url`; a key that failed before counts one more attempt.
    public func recordFailure(_ reason: FailureReason, key: String, url: String) async throws(StoreError) {
        logger.trace("record failure", metadata: ["trawl.key": "\(key)", "trawl.url": "\(url)"])
        try requireWriter()
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
        // How many packs the reader decompressed: about one per pack on a warm crawl in order.
        let decompressions = try? await reader.run { reader throws(StoreError) in reader.decompressions }
        // The reader goes first, so the writer's close is the last and removes the WAL file.
        await reader.close()
        await writer?.close()
        logger.debug(
            "closed cache", metadata: ["trawl.cache": "\(path)", "trawl.pack-decompressions": "\(decompressions ?? 0)"])
        if let flushError { throw flushError }
    }

    /// Counts and sizes after committing every earlier write, read without reading any body.
    public func statistics() async throws(StoreError) -> StoreStatistics {
        try await flush()
        return try await reader.run { reader throws(StoreError) in try reader.statistics() }
    }

    /// Commits every earlier write, then rewrites packs that hold bodies no response uses any
    /// more and gives the space back (`VACUUM`).
    ///
    /// Runs on the writer queue between batches, so writes made meanwhile wait for it; a
    /// maintenance call, not one for the crawl's hot path. Throws `.readOnly` on a read-only store.
    public func compact() async throws(StoreError) -> CompactionReport {
        let writer = try requireWriter()
        try await flush()
        return try await writer.run { writer throws(StoreError) in try writer.compact() }
    }

    /// The writer queue, or `.readOnly` for a store opened read-only.
    @discardableResult
    func requireWriter() throws(StoreError) -> DatabaseQueue<CacheWriter> {
        guard let writer else { throw StoreError(.readOnly, path: path, message: "opened read-only") }
        return writer
    }
}

extension SQLiteCrawlStore {
    /// Applies `write` to the buffer, waiting for the running commit while the buffer is full.
    func add(_ write: (inout WriteBatch) -> Void) async throws(StoreError) {
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
        // A read-only store never buffers a write, so it never has a batch to commit.
        guard let writer else { return }
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
