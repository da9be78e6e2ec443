import ArgumentParser
import Foundation

/// The `--match` regular expression of `trawl extract --all`, tried against each cached
/// response's final URL (ICU syntax, as for `--include`; matches anywhere unless anchored).
///
/// `@unchecked Sendable`: an NSRegularExpression is immutable once made and safe to match from
/// several threads at once; the scan calls ``matches(_:)`` on the store's reader queue.
struct URLMatchPattern: @unchecked Sendable {
    private let regex: NSRegularExpression

    init(_ pattern: String) throws(ValidationError) {
        do {
            regex = try NSRegularExpression(pattern: pattern)
        } catch {
            throw ValidationError("invalid --match regex '\(pattern)'")
        }
    }

    func matches(_ url: String) -> Bool {
        regex.rangeOfFirstMatch(in: url, range: NSRange(location: 0, length: url.utf16.count)).location != NSNotFound
    }
}
