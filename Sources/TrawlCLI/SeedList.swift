import ArgumentParser
import Foundation
import TrawlCore
import TrawlURL

/// Seed URLs from the arguments and `--seeds FILE`, with curl-style globs expanded.
enum SeedList {
    /// At most this many seeds after expansion; a typo like `[1-99999999]` fails instead of
    /// filling memory.
    static let maximumSeeds = 1_000_000

    static func collect(arguments: [String], file: String?, glob: Bool) throws(ValidationError) -> [String] {
        var patterns = arguments
        if let file {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw ValidationError("cannot read seeds file '\(file)'")
            }
            for line in text.split(whereSeparator: \.isNewline) {
                let trimmed = String(line).trimmingWhitespace()
                if !trimmed.isEmpty && !trimmed.hasPrefix("#") { patterns.append(trimmed) }
            }
        }
        guard glob else { return patterns }
        var seeds: [String] = []
        for pattern in patterns {
            do {
                seeds += try URLGlob.expand(pattern, limit: maximumSeeds - seeds.count)
            } catch {
                throw ValidationError("invalid seed glob '\(pattern)': \(error) (use --no-glob to take it literally)")
            }
        }
        return seeds
    }
}
