import ArgumentParser
import TrawlStore

/// `trawl cache vacuum`: rewrites partly dead packs and gives the space back to the disk.
struct CacheVacuumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vacuum",
        abstract: "Compact the packs and shrink the cache file; prints its size before and after.",
        discussion: "Needs the cache to itself (not beside a running crawl).")

    @OptionGroup var location: CacheLocation

    func run() async throws {
        let store = try location.openForWriting()
        let before: StoreStatistics, after: StoreStatistics, report: CompactionReport
        do {
            before = try await store.statistics()
            report = try await store.vacuum()
            after = try await store.statistics()
            try await store.close()
        } catch {
            try? await store.close()
            throw CrawlFailure(message: "\(error)")
        }
        print("file bytes \(before.fileBytes) -> \(after.fileBytes)")
        print("stored bytes \(report.storedBytesBefore) -> \(report.storedBytesAfter)")
        print("packs rewritten \(report.packsRewritten), deleted \(report.packsDeleted)")
    }
}
