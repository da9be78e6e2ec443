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

    /// The summary label, such as `out-of-scope`.
    public var description: String { rawValue }
}
