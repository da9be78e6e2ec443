import Foundation

/// Responses served in a fixed order, then one response for ever: a server that fails a few
/// times and recovers, or a robots.txt that answers 503 until it is back.
///
/// Use ``respond(_:)`` as a handler, or call ``next()`` from a handler for one target.
/// Thread-safe: requests arriving at once each take the next response exactly once.
// @unchecked Sendable: `pending` and `count` are only touched while holding `lock`.
public final class ResponseSequence: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [TestResponse]
    private let final: TestResponse
    private var count = 0

    /// Serves `responses` in order, then `final` for every later request.
    public init(_ responses: [TestResponse], then final: TestResponse) {
        pending = responses.reversed()
        self.final = final
    }

    /// Serves `response` `times` times, then `final`.
    public convenience init(_ response: TestResponse, times: Int, then final: TestResponse) {
        self.init(Array(repeating: response, count: max(0, times)), then: final)
    }

    /// The next response in the sequence.
    public func next() -> TestResponse {
        lock.withLock {
            count += 1
            return pending.popLast() ?? final
        }
    }

    /// The handler form of ``next()``, whatever the request.
    @Sendable public func respond(_ request: TestRequest) -> TestResponse { next() }

    /// Responses handed out so far.
    public var served: Int { lock.withLock { count } }
}
