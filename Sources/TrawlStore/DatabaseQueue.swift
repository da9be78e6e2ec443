import Dispatch

/// A dedicated serial queue that owns one connection-side object and runs all work on it.
///
/// SQLite calls block, so they never run on the cooperative pool: async callers hop here
/// through a continuation. The resource is not Sendable; only this queue touches it.
final class DatabaseQueue<Resource: AnyObject>: @unchecked Sendable {
    // Safe because `resource` is read and written only on `queue` once `init` has returned;
    // `init` sets it before any work can be submitted.
    private let queue: DispatchQueue
    private var resource: Resource?
    private let path: String

    /// Adopts `resource`, created by the caller, which must not keep another reference to it.
    init(label: String, path: String, resource: Resource) {
        self.queue = DispatchQueue(label: label)
        self.path = path
        self.resource = resource
    }

    /// Runs `work` on the queue and returns its result; throws ``StoreError/Code/closed`` after
    /// ``close()``.
    func run<T: Sendable>(
        _ work: @escaping @Sendable (Resource) throws(StoreError) -> T
    ) async throws(StoreError) -> T {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, StoreError>, Never>) in
            submit(work) { continuation.resume(returning: $0) }
        }
        return try result.get()
    }

    /// Runs `work` on the queue, then `completion` with its result, also on the queue.
    func submit<T>(
        _ work: @escaping @Sendable (Resource) throws(StoreError) -> T,
        completion: @escaping @Sendable (Result<T, StoreError>) -> Void
    ) {
        queue.async {
            guard let resource = self.resource else {
                completion(.failure(.closed(self.path)))
                return
            }
            completion(Result { () throws(StoreError) -> T in try work(resource) })
        }
    }

    /// Releases the resource on the queue, after all work submitted before.
    func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                self.resource = nil
                continuation.resume()
            }
        }
    }
}
