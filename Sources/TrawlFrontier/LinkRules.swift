import TrawlURL

/// The rules a discovered link must pass to be queued, and the canonical form it is queued under.
///
/// Built once from the crawl options (`--allow-host`/`--allow-domain` via ``CrawlScope``,
/// `--include`, `--exclude`, `--strip-query`, `--sort-query`, `--max-url-length`, the trap
/// guard), then ``admit(_:)`` runs for every link of every page. The checks, in order:
/// 1. http or https on an allowed host or domain, else ``LinkDropReason/outOfScope``;
/// 2. the canonical-form options (see ``normalized(_:)``) are applied;
/// 3. the canonical string is at most ``maxURLLength`` UTF-8 bytes, else ``LinkDropReason/tooLong``;
/// 4. with the trap guard on, the path is no trap (``maxRepeatedSegments``, ``maxPathSegments``),
///    else ``LinkDropReason/trap``;
/// 5. the canonical string matches no `--exclude` and, when `--include` patterns were given, at
///    least one of them, else ``LinkDropReason/excluded`` (an exclude wins over an include).
///
/// An immutable `Sendable` value: share one between all workers; ``admit(_:)`` is thread-safe,
/// compiles nothing and allocates little (the canonical string, plus the rewritten query when
/// the query options are on).
public struct LinkRules: Sendable {
    /// `--max-url-length` when none is given. Longer links are nearly always session ids,
    /// tracking blobs or traps; 2,048 is also the longest URL some browsers and CDNs accept.
    public static let defaultMaxURLLength = 2_048
    /// The most times one path segment may repeat in a row before the path is a trap.
    public static let maxRepeatedSegments = 3
    /// The most segments a path may have before it is a trap.
    public static let maxPathSegments = 32

    /// The hosts and domains links may point to.
    public let scope: CrawlScope
    /// The longest canonical URL admitted, in UTF-8 bytes.
    public let maxURLLength: Int
    /// Whether the remaining query parameters are sorted by name.
    public let sortQuery: Bool
    /// Whether trap paths are dropped.
    public let trapGuard: Bool

    private let includes: URLPatternList
    private let excludes: URLPatternList
    private let stripQuery: QueryNameFilter
    private let pathGuard = PathTrapGuard(maxRepeats: maxRepeatedSegments, maxSegments: maxPathSegments)

    /// Validates and compiles the options.
    /// - Parameters:
    ///   - include: `--include` regexes (ICU syntax, unanchored unless written with `^`/`$`),
    ///     matched against the canonical URL string; empty admits every URL.
    ///   - exclude: `--exclude` regexes, likewise.
    ///   - stripQuery: `--strip-query` parameter names or globs (`*`, `?`), see ``normalized(_:)``.
    ///   - sortQuery: `--sort-query`.
    ///   - maxURLLength: `--max-url-length`, at least 1.
    ///   - trapGuard: false turns the trap guard off.
    /// - Throws: ``LinkRulesError`` naming the flag and value: a regex that does not compile,
    ///   an empty `--strip-query` pattern, or `maxURLLength` below 1.
    public init(
        scope: CrawlScope, include: [String] = [], exclude: [String] = [], stripQuery: [String] = [],
        sortQuery: Bool = false, maxURLLength: Int = defaultMaxURLLength, trapGuard: Bool = true
    ) throws(LinkRulesError) {
        guard maxURLLength >= 1 else {
            throw LinkRulesError(.invalidLimit, "--max-url-length must be at least 1, got \(maxURLLength)")
        }
        self.scope = scope
        self.includes = try URLPatternList(include, flag: "--include")
        self.excludes = try URLPatternList(exclude, flag: "--exclude")
        self.stripQuery = try QueryNameFilter(stripQuery)
        self.sortQuery = sortQuery
        self.maxURLLength = maxURLLength
        self.trapGuard = trapGuard
    }

    /// Whether `url` is to be queued, and under which canonical string and host key, or why not.
    public func admit(_ url: WebURL) -> LinkAdmission {
        guard scope.contains(url) else { return .drop(.outOfScope) }
        let normal = normalized(url)
        let canonical = normal.canonicalString
        guard canonical.utf8.count <= maxURLLength else { return .drop(.tooLong) }
        if trapGuard, pathGuard.isTrap(normal.path) { return .drop(.trap) }
        if excludes.matchesAny(canonical) { return .drop(.excluded) }
        if !includes.isEmpty, !includes.matchesAny(canonical) { return .drop(.excluded) }
        return .admit(canonical: canonical, hostKey: normal.hostKey)
    }

    /// `url` in the crawl's canonical form: query parameters matching a `--strip-query` pattern
    /// removed and, with `--sort-query`, the rest stably sorted by name.
    ///
    /// A parameter's name is the text before its first `=`; a pattern matches the name as
    /// written or form-decoded (`utm_*` strips `utm_source` and `utm%5Fsource`). With either
    /// option, empty parameters are dropped and a query left empty loses its `?`. Without
    /// them, `url` is returned as it is. Apply it to seeds too, so they dedup with links.
    public func normalized(_ url: WebURL) -> WebURL {
        guard url.query != nil, sortQuery || !stripQuery.isEmpty else { return url }
        return url.normalizingQuery(
            removingParametersWhere: { stripQuery.matches(rawName: $0) }, sortingByName: sortQuery)
    }
}
