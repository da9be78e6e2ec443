/// The URLs a crawl has seen, kept as 64-bit fingerprints: 8 bytes per URL whatever its length,
/// so that a crawl that knows a million URLs holds about 16 MB here instead of the URLs.
///
/// A fingerprint is SipHash of the URL (Swift's `Hasher`, seeded per process: the set is rebuilt
/// from the store on every run, so fingerprints never need to match across runs). Two different
/// URLs share a fingerprint with probability about n²/2⁶⁵: one in 37 million crawls of a million
/// URLs drops one URL as a duplicate. The store's unique index stays the exact record.
struct SeenSet: Sendable {
    private var fingerprints: Set<UInt64> = []

    /// Adds `url`; false when it (or a URL with the same fingerprint) was seen before.
    @discardableResult
    mutating func insert(_ url: String) -> Bool {
        fingerprints.insert(Self.fingerprint(url)).inserted
    }

    func contains(_ url: String) -> Bool {
        fingerprints.contains(Self.fingerprint(url))
    }

    var count: Int { fingerprints.count }

    static func fingerprint(_ url: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(url)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}
