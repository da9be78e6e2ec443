import ArgumentParser
import Foundation
import Trawl
import TrawlCore

/// Decides, before any fetch, what `trawl crawl` does with the cache's job: start one, resume it,
/// or report it finished; and refuses a changed command with a one-line message.
enum JobSetup {
    /// What the crawl will do.
    enum Start: Equatable {
        /// A new job (no job yet, `--fresh`, or a finished job run with other settings).
        case new
        /// Continue the unfinished job.
        case resume
        /// The job with these settings is finished: nothing to fetch or parse.
        case finished
    }

    /// Starts or selects the job for `settings`.
    /// - Throws: `ValidationError` (exit 2) when the cache's unfinished job has other settings
    ///   and neither `--fresh` nor `--resume-anyway` was given.
    static func prepare(
        store: any JobStore, settings: JobSettings, seeds: [FrontierEntry], options: JobOptions, cachePath: String
    ) async throws -> Start {
        let current = try await store.currentJob()
        guard !options.fresh, let current else {
            _ = try await store.startJob(settings: settings, seeds: seeds)
            return .new
        }
        let changes = JobFingerprint.differences(job: current.settings, command: settings)
        if changes.isEmpty {
            return current.finishedAt == nil ? .resume : .finished
        }
        if current.finishedAt != nil {
            // A finished job and a different command: a new crawl, as a re-run always was.
            _ = try await store.startJob(settings: settings, seeds: seeds)
            return .new
        }
        guard options.resumeAnyway else {
            throw ValidationError(
                "the unfinished job in \(cachePath) was started with other settings (\(changes.joined(separator: "; "))): "
                    + "add --fresh to start a new job, or --resume-anyway to keep its URLs and use the new settings")
        }
        // Seeds added to a running job take positions the store chooses (the given ones belong
        // to the job's first seeds).
        try await store.updateJob(settings: settings, seeds: seeds.map { var seed = $0; seed.position = 0; return seed })
        return .resume
    }

    /// The seeds as the job records them.
    static func seedEntries(_ configuration: CrawlConfiguration) throws -> [FrontierEntry] {
        let validated: ValidatedCrawlConfiguration
        do { validated = try configuration.validated() } catch { throw ValidationError(error.message) }
        return validated.seeds.enumerated().map {
            FrontierEntry(url: $0.element.canonicalString, hostKey: $0.element.hostKey, depth: 0, position: Int64($0.offset + 1))
        }
    }
}
