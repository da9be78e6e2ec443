/// How many links were dropped, per reason, for the crawl summary.
///
/// A plain value: each worker or page can count its own and ``merge(_:)`` them later.
/// Reasons never recorded count zero.
public struct LinkDropCounts: Sendable, Hashable {
    private var counts: [LinkDropReason: Int] = [:]

    /// No drops.
    public init() {}

    /// The number of links dropped for `reason`.
    public subscript(reason: LinkDropReason) -> Int {
        counts[reason, default: 0]
    }

    /// All drops, whatever the reason.
    public var total: Int { counts.values.reduce(0, +) }

    /// Whether nothing was dropped.
    public var isEmpty: Bool { total == 0 }

    /// Counts one more drop (or `count` more) for `reason`; a `count` below 1 changes nothing.
    public mutating func record(_ reason: LinkDropReason, count: Int = 1) {
        // Never storing zeros keeps `==` meaning "same counts".
        guard count > 0 else { return }
        counts[reason, default: 0] += count
    }

    /// Records the drop when `admission` is one; an admitted link changes nothing.
    public mutating func record(_ admission: LinkAdmission) {
        if case .drop(let reason) = admission { record(reason) }
    }

    /// Adds every count of `other`.
    public mutating func merge(_ other: LinkDropCounts) {
        counts.merge(other.counts, uniquingKeysWith: +)
    }

    /// The non-zero counts in ``LinkDropReason/allCases`` order, for a stable summary line.
    public var nonZero: [(reason: LinkDropReason, count: Int)] {
        LinkDropReason.allCases.compactMap { reason in
            let count = self[reason]
            return count == 0 ? nil : (reason, count)
        }
    }
}
