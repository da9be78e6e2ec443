import ArgumentParser
import TrawlCore
import TrawlHTTPCache

/// The `crawl` options that decide how the cache is used: `--cache-mode` and `--max-age`.
///
/// Checked in ``validate()``, before the cache is opened or anything fetched: a bad value exits
/// with code 2 and one line.
struct CacheOptions: ParsableArguments {
    @Option(
        name: .customLong("cache-mode"),
        help: ArgumentHelp(
            "prefer: use any cached response (default); http: obey Cache-Control and revalidate stale ones; refresh: revalidate everything; offline: never use the network.",
            valueName: "mode"))
    var cacheMode = CacheMode.prefer.rawValue

    @Option(
        name: .customLong("max-age"),
        help: ArgumentHelp(
            "With --cache-mode prefer: revalidate or refetch cached responses older than this (45s, 30m, 12h, 7d).",
            valueName: "duration"))
    var maxAge: String?

    func validate() throws {
        _ = try policy()
    }

    /// The cache policy these options describe.
    func policy() throws(ValidationError) -> HTTPCachePolicy {
        guard let mode = CacheMode(rawValue: cacheMode.lowercased()) else {
            let modes = CacheMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("invalid --cache-mode '\(cacheMode)': expected one of \(modes)")
        }
        guard let maxAge else { return HTTPCachePolicy(mode: mode) }
        let seconds: Double
        do { seconds = try DurationParser.seconds(from: maxAge) } catch {
            throw ValidationError("invalid --max-age '\(maxAge)': \(error.reason) (e.g. 7d, 12h, 30m, 45s)")
        }
        // Clamped to a million years, so that the conversion to whole milliseconds cannot overflow.
        let milliseconds = Int64((min(seconds, 3.2e13) * 1000).rounded())
        return HTTPCachePolicy(mode: mode, maxAge: .milliseconds(milliseconds))
    }
}
