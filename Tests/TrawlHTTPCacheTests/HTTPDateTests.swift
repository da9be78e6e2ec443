import Foundation
import Testing
import TrawlHTTPCache

@Suite struct HTTPDateTests {
    /// Thu, 01 Jan 2026 12:00:00 GMT.
    let now = Date(timeIntervalSince1970: 1_767_268_800)
    /// Sun, 06 Nov 1994 08:49:37 GMT, the RFC 9110 example.
    let example = Date(timeIntervalSince1970: 784_111_777)

    @Test(
        "All three HTTP-date forms parse, case-insensitively and with extra spaces",
        arguments: [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sunday, 06-Nov-1994 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun Nov 06 08:49:37 1994",
            "sun, 06 nov 1994 08:49:37 gmt",
            "  Sun,  06 Nov 1994 08:49:37 GMT ",
        ])
    func parsesEveryForm(text: String) {
        #expect(HTTPDate.parse(text, now: now) == example)
    }

    @Test(
        "Malformed dates, other zones and impossible values do not parse",
        arguments: [
            "0", "", "-1", "yesterday", "1994-11-06T08:49:37Z",
            "Sun, 06 Nov 1994 08:49:37 PST",
            "Sun, 06 Nov 1994 08:49:37 +0000",
            "Sun 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 29 Feb 1900 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:61:00 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Sun, 06 Nov 19x4 08:49:37 GMT",
            "Sunday, 06-Nov 08:49:37 GMT",
            "Sun Nov  6 08:49:37 94",
        ])
    func rejectsInvalid(text: String) {
        #expect(HTTPDate.parse(text, now: now) == nil)
    }

    @Test(
        "A two-digit year more than 50 years ahead of now falls in the past century",
        arguments: [("94", 1994), ("26", 2026), ("27", 2027), ("76", 2076), ("77", 1977), ("00", 2000)])
    func twoDigitYears(digits: String, year: Int) {
        let parsed = HTTPDate.parse("Thursday, 01-Jan-\(digits) 00:00:00 GMT", now: now)
        #expect(parsed.map { HTTPDate.format($0).contains(" \(year) ") } == true)
    }

    @Test(
        "Formatting writes IMF-fixdate and drops fractions of a second",
        arguments: [
            (0.0, "Thu, 01 Jan 1970 00:00:00 GMT"),
            (784_111_777.75, "Sun, 06 Nov 1994 08:49:37 GMT"),
            (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
            (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
            (1_767_268_800, "Thu, 01 Jan 2026 12:00:00 GMT"),
        ])
    func formats(seconds: Double, text: String) {
        #expect(HTTPDate.format(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test("Formatting then parsing gives the same second back across centuries")
    func roundTrips() {
        for seconds in stride(from: -2_208_988_800, through: 4_102_444_800, by: 7_777_777) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(HTTPDate.parse(HTTPDate.format(date), now: now) == date)
        }
    }

    @Test("A leap second reads as the second before it")
    func leapSecond() {
        let parsed = HTTPDate.parse("Wed, 31 Dec 2025 23:59:60 GMT", now: now)
        #expect(parsed == Date(timeIntervalSince1970: 1_767_225_599))
    }
}
