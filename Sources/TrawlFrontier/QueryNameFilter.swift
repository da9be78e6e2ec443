import TrawlURL

/// The `--strip-query` patterns: which query parameters to remove before deduplication.
///
/// Each pattern is a parameter name with the glob wildcards `*` (any run of characters,
/// including none) and `?` (exactly one character); every other character is literal and the
/// whole name must match (`utm_*` matches `utm_source`, not `xutm_source`). There is no escape
/// for a literal `*` or `?` (parameter names with those are rare and match themselves anyway).
///
/// A parameter matches when its name as written in the URL matches a pattern, or its
/// form-decoded name does (`+` as space, `%xx` escapes decoded as UTF-8), so `utm_*` also strips
/// `utm%5Fsource`, and the pattern `a b` strips both `a+b` and `a%20b`. Matching is
/// case-sensitive, like servers' parameter names.
struct QueryNameFilter: Sendable, Hashable {
    private let patterns: [[Unicode.Scalar]]

    /// - Throws: ``LinkRulesError`` (`invalid-query-pattern`) for an empty pattern, which
    ///   could only match the empty parameter names that are dropped anyway.
    init(_ patterns: [String]) throws(LinkRulesError) {
        for pattern in patterns where pattern.isEmpty {
            throw LinkRulesError(.invalidQueryPattern, "invalid --strip-query '': expected a parameter name or glob")
        }
        self.patterns = patterns.map { Array($0.unicodeScalars) }
    }

    /// Whether no pattern was given, so no parameter is ever removed.
    var isEmpty: Bool { patterns.isEmpty }

    /// Whether the parameter named `rawName` (as written, percent-encoded) is to be removed.
    func matches(rawName: Substring) -> Bool {
        guard !patterns.isEmpty else { return false }
        if matchesAny(Array(rawName.unicodeScalars)) { return true }
        // Only an encoded name can decode to something else.
        guard rawName.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return false
        }
        return matchesAny(Array(WebURL.formDecodedQueryName(rawName).unicodeScalars))
    }

    private func matchesAny(_ name: [Unicode.Scalar]) -> Bool {
        patterns.contains { Self.glob($0, matches: name) }
    }

    /// Wildcard matching with one backtrack point (the last `*`): O(pattern × name) at worst,
    /// which is tiny for query parameter names.
    private static func glob(_ pattern: [Unicode.Scalar], matches name: [Unicode.Scalar]) -> Bool {
        var p = 0
        var n = 0
        var star: Int?
        var starMatch = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == "*" {
                star = p
                starMatch = n
                p += 1
            } else if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if let star {
                // Let the last `*` swallow one more character and retry after it.
                p = star + 1
                starMatch += 1
                n = starMatch
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
