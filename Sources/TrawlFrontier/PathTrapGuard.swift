/// Recognizes the paths of crawler traps: relative links that grow a path without end
/// (`a/` linked from `/a/` gives `/a/a/`, then `/a/a/a/` …) and calendars or generated
/// hierarchies of unbounded depth.
///
/// A path is a trap when one segment repeats more than ``maxRepeats`` times in a row, or it
/// has more than ``maxSegments`` segments. Segments are the `/`-separated parts after the
/// leading `/`, compared as written (percent-encoded, case-sensitive); a trailing `/` does not
/// add an empty segment, so `/a/b/` and `/a/b` both have two. Without this guard such a site
/// fills the frontier with endless distinct URLs of the same page.
struct PathTrapGuard: Sendable, Hashable {
    /// The most times one segment may appear in a row (`/a/a/a/` passes at 3).
    var maxRepeats: Int
    /// The most segments a path may have.
    var maxSegments: Int

    /// Whether `path` (a WHATWG-serialized path, starting with `/` for http) is a trap.
    ///
    /// One pass over the path's bytes, no allocation.
    func isTrap(_ path: String) -> Bool {
        let bytes = path.utf8
        var start = bytes.first == UInt8(ascii: "/") ? bytes.index(after: bytes.startIndex) : bytes.startIndex
        var segments = 0
        var repeats = 0
        var previous: Range<String.Index>?
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
            segments += 1
            if segments > maxSegments { return true }
            let current = start..<end
            if let previous, bytes[previous].elementsEqual(bytes[current]) {
                repeats += 1
                if repeats > maxRepeats { return true }
            } else {
                repeats = 1
            }
            previous = current
            guard end < bytes.endIndex else { break }
            start = bytes.index(after: end)
        }
        return false
    }
}
