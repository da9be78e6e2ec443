/// How the cache answered during a crawl, for the end-of-crawl summary.
///
/// A plain value; `Sendable`. Each worker may keep its own and ``merge(_:)`` them at the end.
public struct CacheCounters: Sendable, Hashable {
    /// What happened to one request, as far as the cache is concerned.
    public enum Event: Sendable, Hashable, CaseIterable {
        /// A stored response was used without contacting the server (fresh, or in prefer/offline mode).
        case servedFromCache
        /// A conditional request got 304: the stored body was kept and its headers freshened.
        case revalidatedUnchanged
        /// A conditional request got a full response, which replaced the stored one.
        case revalidatedChanged
        /// An unconditional request was sent (nothing stored, no validator, or `Vary` mismatch).
        case fetched
        /// A received response was not stored (`no-store`, or not cacheable in http mode).
        case notStored
        /// Offline (or `only-if-cached`) and nothing usable stored: recorded as not in the cache.
        case missed
    }

    public var servedFromCache = 0
    public var revalidatedUnchanged = 0
    public var revalidatedChanged = 0
    public var fetched = 0
    public var notStored = 0
    public var missed = 0

    public init() {}

    /// Counts one event.
    public mutating func record(_ event: Event) {
        switch event {
        case .servedFromCache: servedFromCache += 1
        case .revalidatedUnchanged: revalidatedUnchanged += 1
        case .revalidatedChanged: revalidatedChanged += 1
        case .fetched: fetched += 1
        case .notStored: notStored += 1
        case .missed: missed += 1
        }
    }

    /// Adds `other`'s counts to these.
    public mutating func merge(_ other: CacheCounters) {
        servedFromCache += other.servedFromCache
        revalidatedUnchanged += other.revalidatedUnchanged
        revalidatedChanged += other.revalidatedChanged
        fetched += other.fetched
        notStored += other.notStored
        missed += other.missed
    }

    /// These counts plus `other`'s.
    public func merging(_ other: CacheCounters) -> CacheCounters {
        var result = self
        result.merge(other)
        return result
    }

    /// The count for one kind of event.
    public subscript(event: Event) -> Int {
        switch event {
        case .servedFromCache: servedFromCache
        case .revalidatedUnchanged: revalidatedUnchanged
        case .revalidatedChanged: revalidatedChanged
        case .fetched: fetched
        case .notStored: notStored
        case .missed: missed
        }
    }
}
