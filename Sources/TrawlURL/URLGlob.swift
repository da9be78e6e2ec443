/// curl-style URL globbing: one pattern names a series of URLs.
///
/// - `[1-151]`: numbers; `[001-100]` pads to the width of the first number when it
///   starts with `0`; `[1-100:10]` steps by 10.
/// - `[a-z]`, `[A-Z:2]`: single letters of one case.
/// - `{a,b,c}`: alternatives, possibly empty (`{,www.}`).
/// - Several globs expand as a cartesian product, the leftmost varying slowest.
/// - `\[`, `\]`, `\{`, `\}` and `\,` are literal characters; any other backslash is kept.
/// - A bracketed IPv6 host (`http://[::1]:8080/`) is left alone: a `[` right after
///   `//` or `@` whose content contains `:` and no `-`.
public enum URLGlob {
    /// The pattern's URLs, in order; a pattern without globs yields itself.
    ///
    /// The count is computed before anything is expanded, so a huge range fails fast.
    /// - Parameter limit: the most URLs accepted; it bounds memory, since a few
    ///   ranges multiply quickly (`[1-1000][1-1000]` is a million).
    /// - Throws: ``URLGlobError`` for a malformed pattern or more than `limit` URLs.
    public static func expand(_ pattern: String, limit: Int = 1_000_000) throws(URLGlobError) -> [String] {
        var parser = URLGlobParser(pattern, limit: limit)
        let segments = try parser.parse()
        var total = 1
        for case .choices(let choices) in segments {
            let (product, overflow) = total.multipliedReportingOverflow(by: choices.count)
            guard !overflow, product <= limit else {
                throw URLGlobError(
                    .tooManyURLs, pattern: pattern,
                    reason: "expands to more than \(limit) URLs")
            }
            total = product
        }
        var results = [""]
        for segment in segments {
            switch segment {
            case .literal(let text):
                for index in results.indices { results[index].append(text) }
            case .choices(let choices):
                var next: [String] = []
                next.reserveCapacity(results.count * choices.count)
                for prefix in results {
                    for choice in choices { next.append(prefix + choice) }
                }
                results = next
            }
        }
        return results
    }
}
