import ArgumentParser
import Foundation
import Trawl
import TrawlCore
import TrawlStore

/// `trawl items`: writes the cache's job's items again from the database, in any format.
struct ItemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items",
        abstract: "Write the items of the cache's crawl job from the database (JSON lines, CSV or a JSON array).")

    @OptionGroup var location: CacheLocation

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let store = try location.openReadOnly()
        let jobStore: any JobStore = store
        do {
            guard try await jobStore.currentJob() != nil else {
                try await store.close()
                throw ValidationError("no crawl job in \(location.databasePath)")
            }
            let fieldNames = try await Self.fieldNames(jobStore)
            let sink = try output.makeSink(fieldNames: fieldNames)
            try await JobOutput.replay(jobStore, into: sink)
            try await sink.close()
            try await store.close()
        } catch let error as ValidationError {
            throw error
        } catch {
            try? await store.close()
            throw CrawlFailure(message: "\(error)")
        }
    }

    /// The CSV header: every field name of the job's items in first-seen order (the job does not
    /// keep its rules' field list, so it is read from the items themselves).
    static func fieldNames(_ store: any JobStore) async throws -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        var after: Int64 = 0
        while true {
            let items = try await store.items(after: after, limit: JobOutput.page)
            guard let last = items.last else { return names }
            for recorded in items {
                for field in try JobOutput.item(from: recorded).fields where seen.insert(field.name).inserted {
                    names.append(field.name)
                }
            }
            after = last.sequence
        }
    }
}
