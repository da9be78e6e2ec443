import Foundation

/// Responses for politeness tests: robots.txt files and "come back later".
extension TestResponse {
    /// A robots.txt file (`text/plain`).
    public static func robots(_ text: String) -> TestResponse {
        TestResponse(status: 200, headers: [("Content-Type", "text/plain")], body: Array(text.utf8))
    }

    /// A 503 (or 429 with `status: 429`), with `Retry-After: retryAfter` when given.
    public static func unavailable(_ status: Int = 503, retryAfter: String? = nil) -> TestResponse {
        let response = TestResponse.status(status)
        return retryAfter.map { response.adding(header: "Retry-After", value: $0) } ?? response
    }

    /// `date` as an HTTP-date (IMF-fixdate, RFC 9110 §5.6.7), whole seconds: `Sun, 06 Nov 1994 08:49:37 GMT`.
    public static func httpDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String {
            let number = value ?? 0
            return number < 10 ? "0\(number)" : "\(number)"
        }
        let day = days[((parts.weekday ?? 1) - 1) % 7]
        let month = months[((parts.month ?? 1) - 1) % 12]
        return "\(day), \(two(parts.day)) \(month) \(parts.year ?? 1970) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) GMT"
    }
}
