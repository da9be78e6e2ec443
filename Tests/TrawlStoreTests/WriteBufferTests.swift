import Foundation
import Testing
import TrawlCore

@testable import TrawlStore

/// The batching state machine, driven directly: no SQLite, no waiting.
@Suite struct WriteBufferTests {
    typealias Buffer = WriteBuffer<String>

    static func response(_ index: Int, bodySize: Int = 1) -> Response {
        Response(
            requestedURL: "http://t.test/\(index)", status: 200, body: Array(repeating: 1, count: bodySize),
            fetchedAt: Date(timeIntervalSince1970: 0))
    }

    static func committed(_ action: Buffer.AddAction) -> WriteBatch? {
        if case .added(let batch) = action { return batch }
        return nil
    }

    @Test("a full batch goes to commit and the next write to a fresh batch")
    func rotatesWhenFull() {
        var buffer = Buffer(limits: .init(count: 2, bodyBytes: 1_000))
        let action1 = buffer.add({ $0.store(Self.response(1), forKey: "a") }, waiter: "writer")
        #expect(Self.committed(action1) == nil)
        let action = buffer.add({ $0.store(Self.response(2), forKey: "b") }, waiter: "writer")
        let batch = Self.committed(action)
        #expect(batch?.count == 2)
        #expect(buffer.committing?.id == batch?.id)
        #expect(buffer.filling.isEmpty)
        #expect(buffer.pendingResponse(forKey: "a") == Self.response(1))
    }

    @Test("a writer waits while one batch commits and the next is full")
    func backpressure() {
        var buffer = Buffer(limits: .init(count: 1, bodyBytes: 1_000))
        let action2 = buffer.add({ $0.store(Self.response(1), forKey: "a") }, waiter: "writer")
        #expect(Self.committed(action2) != nil)
        let action3 = buffer.add({ $0.store(Self.response(2), forKey: "b") }, waiter: "writer")
        #expect(Self.committed(action3) == nil)
        guard case .parked(commit: nil) = buffer.add({ $0.store(Self.response(3), forKey: "c") }, waiter: "writer")
        else {
            Issue.record("expected to wait")
            return
        }
        #expect(buffer.pendingResponse(forKey: "c") == nil)
        let (woken, next) = buffer.commitSucceeded()
        #expect(woken == ["writer"])
        #expect(next?.responses.keys.sorted() == ["b"])
    }

    @Test("body bytes alone can fill a batch")
    func byteLimit() {
        var buffer = Buffer(limits: .init(count: 100, bodyBytes: 10))
        let action4 = buffer.add({ $0.store(Self.response(1, bodySize: 6), forKey: "a") }, waiter: "writer")
        #expect(Self.committed(action4) == nil)
        let action5 = buffer.add({ $0.store(Self.response(2, bodySize: 6), forKey: "b") }, waiter: "writer")
        #expect(Self.committed(action5) != nil)
    }

    @Test("a flush commits the filling batch, then reports done once it is committed")
    func flush() {
        var buffer = Buffer(limits: .init(count: 10, bodyBytes: 1_000))
        _ = buffer.add({ $0.store(Self.response(1), forKey: "a") }, waiter: "writer")
        let target = buffer.flushTarget
        guard case .commit(let batch) = buffer.flush(through: target, waiter: "flush") else {
            Issue.record("expected a commit")
            return
        }
        #expect(batch.id == target)
        guard case .wait = buffer.flush(through: target, waiter: "second flush") else {
            Issue.record("expected to wait")
            return
        }
        let woken = buffer.commitSucceeded().waiters
        #expect(woken == ["flush", "second flush"])
        guard case .done = buffer.flush(through: target, waiter: "flush") else {
            Issue.record("expected done")
            return
        }
    }

    @Test("a failed commit puts its writes back under later ones")
    func failedCommit() {
        var buffer = Buffer(limits: .init(count: 2, bodyBytes: 1_000))
        _ = buffer.add({ $0.store(Self.response(1), forKey: "a") }, waiter: "writer")
        _ = buffer.add({ $0.recordFailure(FailureReason(.dns), key: "f", url: "u", at: Date()) }, waiter: "writer")
        _ = buffer.add({ $0.store(Self.response(9), forKey: "a") }, waiter: "writer")
        _ = buffer.add({ $0.recordFailure(FailureReason(.tls), key: "f", url: "u", at: Date()) }, waiter: "writer")
        guard case .wait = buffer.flush(through: buffer.flushTarget, waiter: "flush") else {
            Issue.record("expected to wait")
            return
        }
        let woken = buffer.commitFailed()
        #expect(woken == ["flush"])
        #expect(buffer.committing == nil)
        #expect(buffer.filling.responses["a"] == Self.response(9))
        #expect(buffer.filling.failures["f"]?.attempts == 2)
        #expect(buffer.filling.failures["f"]?.reason.code == .tls)

        // The batch is full again with no commit running: the next writer retries it and waits.
        guard case .parked(let retry?) = buffer.add({ $0.store(Self.response(5), forKey: "e") }, waiter: "writer")
        else {
            Issue.record("expected a retried commit")
            return
        }
        #expect(retry.responses.keys.sorted() == ["a"])
        #expect(buffer.filling.isEmpty)
    }

    @Test("a closed buffer refuses writes and closes once")
    func close() {
        var buffer = Buffer(limits: .init(count: 2, bodyBytes: 1_000))
        let first = buffer.close()
        let second = buffer.close()
        #expect(first != nil)
        #expect(second == nil)
        guard case .closed = buffer.add({ $0.store(Self.response(1), forKey: "a") }, waiter: "writer") else {
            Issue.record("expected closed")
            return
        }
    }
}
