import Testing
import TrawlCore

@testable import TrawlFetch

@Suite struct PendingFetchQueueTests {
    /// Runs `body` with `count` pending fetches, each awaited by a child task, all resumed afterwards.
    private func withFetches(_ count: Int, _ body: ([PendingFetch]) -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            var fetches: [PendingFetch] = []
            for id in 1...UInt64(count) {
                let fetch = await withCheckedContinuation { (ready: CheckedContinuation<PendingFetch, Never>) in
                    group.addTask {
                        _ = await withCheckedContinuation { (c: CheckedContinuation<FetchOutcome, Never>) in
                            ready.resume(returning: PendingFetch(id: id, request: FetchRequest(url: "http://x/\(id)"), continuation: c))
                        }
                    }
                }
                fetches.append(fetch)
            }
            body(fetches)
            for fetch in fetches { fetch.continuation.resume(returning: .failed(.cancelled)) }
        }
    }

    @Test("fetches come out in arrival order, skipping removed ones")
    func firstInFirstOut() async {
        await withFetches(5) { fetches in
            var queue = PendingFetchQueue()
            for fetch in fetches { queue.append(fetch) }
            #expect(queue.count == 5)
            #expect(queue.remove(id: 2)?.id == 2)
            #expect(queue.remove(id: 2) == nil)
            #expect(queue.popFirst()?.id == 1)
            #expect(queue.popFirst()?.id == 3)
            #expect(queue.removeAll().map(\.id) == [4, 5])
            #expect(queue.isEmpty)
            #expect(queue.popFirst() == nil)
        }
    }

    @Test("a long-running queue stays ordered across compaction")
    func compaction() async {
        await withFetches(3000) { fetches in
            var queue = PendingFetchQueue()
            var popped: [UInt64] = []
            for (i, fetch) in fetches.enumerated() {
                queue.append(fetch)
                if i % 2 == 1, let first = queue.popFirst() { popped.append(first.id) }
            }
            popped += queue.removeAll().map(\.id)
            #expect(popped == Array(1...3000))
        }
    }
}
