/// Why a discovered link was not queued; the raw value is the label in the crawl summary.
public enum LinkDropReason: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Not http(s), or its host is neither an allowed host nor inside an allowed domain.
    case outOfScope = "out-of-scope"
    /// Its canonical form is longer than `--max-url-length`.
    case tooLong = "too-long"
    /// Its path looks like a crawler trap: a segment repeated too often in a row, or too many
    /// segments (see ``LinkRules/maxRepeatedSegments`` and ``LinkRules/maxPathSegments``).
    case trap
    /// It matches an `--exclude` pattern, or `--include` patterns were given and it matches none.
    case excluded
    /// Deeper than `--max-depth` (counted by the frontier).
    case tooDeep = "too-deep"
    /// Its host already has `--max-pages-per-host` pages (counted by the frontier).
    case hostPageBudget = "host-page-budget"
    /// robots.txt forbids it (counted by the frontier; the page is also recorded).
    case robots

    /// The summary label, such as `out-of-scope`.
    public var description: String { rawValue }
}
