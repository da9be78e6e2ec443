/// An Allow/Disallow path pattern compiled for matching (RFC 9309 §2.2.2–2.2.3).
///
/// The pattern is normalised once (see `RobotsEncoding`) and split at every `*` into literal
/// pieces; a `$` as the last character anchors the match at the end of the path, anywhere else it
/// is a literal `$`. Matching needs no regex engine and never backtracks: the first piece must be
/// a prefix of the path, each later piece is found at its leftmost position after the previous
/// one (leftmost is always safe, because `*` can absorb whatever a later occurrence would skip),
/// and with `$` the last piece must end the path. The cost is at most O(pattern × path) for any
/// number of `*`.
///
/// A pattern that does not start with `/` or `*` (`Disallow: fish/`) is read as if it started
/// with `/`, as Google's REP conformance suite expects: paths always start with `/`, so taken
/// literally such a rule could never match, and the author's intent is plain.
struct RobotsPattern: Sendable, Hashable {
    /// The literal pieces between `*`s, in normal form; never empty (a lone `*` gives two empty pieces).
    private let pieces: [[UInt8]]
    /// Whether the pattern ended with `$`.
    private let isAnchoredAtEnd: Bool
    /// The specificity of the pattern: its length in octets in normal form, `*` and `$` included.
    let length: Int
    /// The octets a path needs at least for a match: the literal pieces together.
    private let minimumPathLength: Int

    /// Compiles `raw`, the value of an Allow/Disallow line with comments and whitespace removed.
    init(_ raw: some Collection<UInt8>) {
        var normalized: [UInt8] = []
        if let first = raw.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "*") {
            normalized.append(UInt8(ascii: "/"))
        }
        RobotsEncoding.appendNormalized(raw, to: &normalized)
        length = normalized.count
        var body = normalized[...]
        if body.last == UInt8(ascii: "$") {
            isAnchoredAtEnd = true
            body = body.dropLast()
        } else {
            isAnchoredAtEnd = false
        }
        pieces = body.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
        minimumPathLength = pieces.reduce(0) { $0 + $1.count }
    }

    /// Whether the pattern matches `path`, a normalised path-and-query starting at its first octet.
    func matches(_ path: [UInt8]) -> Bool {
        guard path.count >= minimumPathLength, let first = pieces.first, let last = pieces.last else {
            return false
        }
        guard Self.occurs(first, in: path, at: 0) else { return false }
        if pieces.count == 1 {
            return !isAnchoredAtEnd || path.count == first.count
        }
        var position = first.count
        for piece in pieces.dropFirst().dropLast() {
            guard let found = Self.firstOccurrence(of: piece, in: path, from: position) else { return false }
            position = found + piece.count
        }
        if isAnchoredAtEnd {
            let start = path.count - last.count
            return start >= position && Self.occurs(last, in: path, at: start)
        }
        return Self.firstOccurrence(of: last, in: path, from: position) != nil
    }

    /// Whether `piece` occurs in `path` starting exactly at `start` (`start + piece.count <= path.count`
    /// is checked here).
    private static func occurs(_ piece: [UInt8], in path: [UInt8], at start: Int) -> Bool {
        guard start + piece.count <= path.count else { return false }
        var offset = 0
        while offset < piece.count {
            if path[start + offset] != piece[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The leftmost index at or after `start` where `piece` occurs in `path`.
    private static func firstOccurrence(of piece: [UInt8], in path: [UInt8], from start: Int) -> Int? {
        guard !piece.isEmpty else { return start <= path.count ? start : nil }
        var candidate = start
        while candidate + piece.count <= path.count {
            if occurs(piece, in: path, at: candidate) { return candidate }
            candidate += 1
        }
        return nil
    }
}
