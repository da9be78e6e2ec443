import Foundation

/// HTTP-date parsing and formatting (RFC 9110 §5.6.7), without `DateFormatter` or locales.
///
/// Pure functions; safe from any thread.
public enum HTTPDate {
    /// Parses the three HTTP-date forms, or returns nil for anything else (including "0").
    ///
    /// Accepts IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form
    /// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`). Names are
    /// matched case-insensitively and runs of spaces are accepted, as RFC 9111 §4.2 asks of caches;
    /// a zone other than GMT makes the date invalid. A two-digit year more than 50 years after
    /// `now` is read as the most recent past year with those digits (RFC 9110 §5.6.7). A leap
    /// second (`:60`) reads as `:59`, the nearest earlier time Trawl can represent.
    public static func parse(_ text: String, now: Date) -> Date? {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: true).map { $0.lowercased() }
        switch tokens.count {
        case 6:  // IMF-fixdate: day-name "," day month year time "GMT"
            guard dayName(tokens[0], comma: true), tokens[5] == "gmt", let day = number(tokens[1], digits: 1...2),
                let month = month(tokens[2]), let year = year(tokens[3], now: now)
            else { return nil }
            return date(year: year, month: month, day: day, time: tokens[4])
        case 4:  // RFC 850: day-name-l "," day "-" month "-" 2DIGIT time "GMT"
            let parts = tokens[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard dayName(tokens[0], comma: true), tokens[3] == "gmt", parts.count == 3,
                let day = number(parts[0], digits: 1...2), let month = month(parts[1]),
                let year = year(parts[2], now: now)
            else { return nil }
            return date(year: year, month: month, day: day, time: tokens[2])
        case 5:  // asctime: day-name month day time year
            guard dayName(tokens[0], comma: false), let month = month(tokens[1]),
                let day = number(tokens[2], digits: 1...2), let year = number(tokens[4], digits: 4...4)
            else { return nil }
            return date(year: year, month: month, day: day, time: tokens[3])
        default:
            return nil
        }
    }

    /// Formats `date` as IMF-fixdate, dropping fractions of a second.
    public static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds.floorDivided(by: 86_400), secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let weekday = (days + 4).floorModulo(7)  // 1970-01-01 was a Thursday.
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(weekdayNames[weekday]), \(two(day)) \(monthNames[month - 1]) \(yearText) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) GMT"
    }

    private static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let longWeekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The day name is checked for spelling only: a wrong weekday does not make the date unusable.
    private static func dayName(_ token: String, comma: Bool) -> Bool {
        guard token.hasSuffix(",") == comma else { return false }
        let name = comma ? String(token.dropLast()) : token
        return weekdayNames.contains { $0.lowercased() == name } || longWeekdayNames.contains(name)
    }

    private static func month(_ token: String) -> Int? {
        monthNames.firstIndex { $0.lowercased() == token }.map { $0 + 1 }
    }

    private static func number(_ token: some StringProtocol, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(token.utf8.count), token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        return Int(token)
    }

    /// A four-digit year, or a two-digit one resolved against `now` as RFC 9110 §5.6.7 requires.
    private static func year(_ token: String, now: Date) -> Int? {
        if let year = number(token, digits: 4...4) { return year }
        guard let twoDigits = number(token, digits: 2...2) else { return nil }
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        let currentYear = civil(fromDays: seconds.floorDivided(by: 86_400)).year
        let candidate = currentYear - currentYear.floorModulo(100) + twoDigits
        return candidate > currentYear + 50 ? candidate - 100 : candidate
    }

    private static func date(year: Int, month: Int, day: Int, time: String) -> Date? {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let hour = number(parts[0], digits: 2...2),
            let minute = number(parts[1], digits: 2...2), let second = number(parts[2], digits: 2...2),
            hour < 24, minute < 60, second <= 60, day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        let days = days(fromCivil: year, month: month, day: day)
        let total = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59)
        return Date(timeIntervalSince1970: TimeInterval(total))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's civil algorithm).
    private static func days(fromCivil year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    fileprivate func floorModulo(_ divisor: Int) -> Int {
        self - floorDivided(by: divisor) * divisor
    }
}
