import ArgumentParser
import Foundation
import Trawl
import TrawlCore
import TrawlJSONPath

/// Opens the item output of a durable crawl so that it holds each of the job's items once.
///
/// A new job truncates the file as always. A resumed or finished job first makes the file equal
/// to the items the job recorded: JSON lines are repaired in place (a torn last line and items of
/// pages not recorded as done are cut, missing items appended; see ``JSONLinesRepair``), CSV and
/// JSON arrays are written again from the records; then new items are appended. Standard output
/// receives a resumed job's new items, or all of a finished job's.
enum JobOutput {
    /// The sink, and the sequence number of the job's next item.
    struct Opened {
        var sink: any ItemSink
        var nextSequence: Int64
        /// What was done to the file, for a one-line note (nil when nothing needed doing).
        var note: String?
    }

    static let page = 10_000

    static func open(
        path: String, format: OutputFormat?, fieldNames: [String], store: any JobStore, start: JobSetup.Start
    ) async throws -> Opened {
        let resolved = format ?? OutputFormat(path: path)
        if start == .new || path == "-" {
            let sink = try makeItemSink(path: path, format: resolved, fieldNames: fieldNames)
            if start == .finished {
                // Standard output cannot be repaired: a finished job prints all its items again.
                let count = try await replay(store, into: sink)
                return Opened(sink: sink, nextSequence: count.last + 1)
            }
            // A new job starts with no items; a resumed one writes only its new items to stdout.
            return Opened(sink: sink, nextSequence: start == .new ? 1 : try await lastSequence(store) + 1)
        }
        switch resolved {
        case .jsonLines:
            var last: Int64 = 0
            let report = try await JSONLinesRepair.repair(path: path) { after in
                let items = try await store.items(after: after, limit: page)
                if let final = items.last { last = max(last, final.sequence) }
                return items
            }
            let sink = try JSONLinesWriter(path: path, append: true)
            var note: String?
            if report.cutBytes > 0 || report.appended > 0 {
                note = "repaired \(path): kept \(report.kept) items, cut \(report.cutBytes) bytes, appended \(report.appended) recorded items"
            }
            return Opened(sink: sink, nextSequence: last + 1, note: note)
        case .csv, .json:
            let sink = try makeItemSink(path: path, format: resolved, fieldNames: fieldNames)
            let count = try await replay(store, into: sink)
            return Opened(
                sink: sink, nextSequence: count.last + 1,
                note: count.items > 0 ? "rewrote \(path) with the job's \(count.items) recorded items" : nil)
        }
    }

    /// Writes every recorded item of the job into `sink` (not closed); returns how many and the
    /// last sequence number.
    @discardableResult
    static func replay(_ store: any JobStore, into sink: any ItemSink) async throws -> (items: Int, last: Int64) {
        var after: Int64 = 0
        var count = 0
        while true {
            let items = try await store.items(after: after, limit: page)
            guard let last = items.last else { break }
            for recorded in items { try await sink.write(try item(from: recorded)) }
            count += items.count
            after = last.sequence
        }
        return (count, after)
    }

    /// The job's highest item sequence number, 0 when it has none.
    static func lastSequence(_ store: any JobStore) async throws -> Int64 {
        var after: Int64 = 0
        while true {
            let items = try await store.items(after: after, limit: page)
            guard let last = items.last else { return after }
            after = last.sequence
        }
    }

    /// The item a recorded JSON line holds.
    static func item(from recorded: RecordedItem) throws -> Item {
        guard case .object(let members) = try JSONParser.parse(recorded.line) else {
            throw CrawlFailure(message: "the job's item \(recorded.sequence) is not a JSON object")
        }
        var url = recorded.url
        var fields: [Field] = []
        for member in members {
            if member.key == Item.urlFieldName, case .string(let text) = member.value {
                url = text
            } else {
                fields.append(Field(name: member.key, value: member.value))
            }
        }
        return Item(url: url, fields: fields)
    }
}
