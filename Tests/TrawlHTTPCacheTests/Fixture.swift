import Foundation
import TrawlCore
import TrawlHTTPCache

/// The fixed clock and stored-response builders every suite in this target shares.
enum Fixture {
    /// Thu, 01 Jan 2026 12:00:00 GMT: the injected "now" of every test.
    static let now = Date(timeIntervalSince1970: 1_767_268_800)

    /// `now` moved by `offset` seconds, as an HTTP-date.
    static func date(_ offset: Double) -> String {
        HTTPDate.format(now.addingTimeInterval(offset))
    }

    /// A stored response received `age` seconds before `now`, its request sent `delay` earlier.
    static func stored(
        _ headers: HTTPHeaders, status: Int = 200, age: Double = 0, delay: Double = 0, request: HTTPHeaders = []
    ) -> StoredResponseMeta {
        let responseTime = now.addingTimeInterval(-age)
        return StoredResponseMeta(
            status: status, responseHeaders: headers, requestHeaders: request,
            requestTime: responseTime.addingTimeInterval(-delay), responseTime: responseTime)
    }
}
