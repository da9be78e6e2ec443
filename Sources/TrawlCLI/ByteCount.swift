import ArgumentParser
import TrawlCore

/// A size such as `10M`, `512KiB` or `1048576` (bytes); K, M and G are powers of 1024.
struct ByteCount: ExpressibleByArgument, Hashable {
    let bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let text = argument.trimmingWhitespace().uppercased()
        let digits = text.prefix { $0.isNumber }
        var unit = text.dropFirst(digits.count)
        if unit.hasSuffix("IB") { unit = unit.dropLast(2) } else if unit.hasSuffix("B") { unit = unit.dropLast() }
        let multipliers: [Substring: Int] = ["": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        guard let value = Int(digits), value > 0, let multiplier = multipliers[unit],
            value <= Int.max / multiplier
        else { return nil }
        bytes = value * multiplier
    }

    static var defaultValueDescription: String { "10M" }
}
