import ArgumentParser
import Foundation

/// JSON and time formatting shared by the `trawl cache` subcommands.
enum CacheJSON {
    /// One line of JSON, keys sorted so that output is stable.
    static func line(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw CrawlFailure(message: "cannot encode JSON: \(error)")
        }
    }

    /// ISO 8601 in UTC with milliseconds, e.g. `2026-12-01T04:55:00.123Z`.
    static func timestamp(_ date: Date) -> String {
        // A formatter per call: ISO8601DateFormatter is not Sendable; a loop makes its own.
        makeFormatter().string(from: date)
    }

    /// The formatter behind ``timestamp(_:)``, for a loop to reuse.
    static func makeFormatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
