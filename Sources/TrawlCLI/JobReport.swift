import Foundation
import TrawlCore

/// The lines `trawl crawl` prints about its job: finished, stopped, and how to resume.
enum JobReport {
    /// `trawl: the job in PATH is finished: …; nothing to fetch (add --fresh to crawl again from the cache)`.
    static func finishedLine(counts: JobCounts, cache: String) -> String {
        "trawl: the job in \(cache) is finished (\(counts.done) pages done, \(counts.failed) failed, "
            + "\(counts.items) items); nothing to fetch (add --fresh to crawl again from the cache)\n"
    }

    static func resumeLine(_ command: String) -> String {
        "trawl: stopped; the same command resumes the crawl: \(command)\n"
    }

    static func graceExpiredLine(resume command: String) -> String {
        "trawl: grace period over; requests still in flight run again on resume: \(command)\n"
    }

    /// The command line that resumes this crawl: the one typed, without `--fresh` (which would
    /// start over), quoted for a POSIX shell.
    static func resumeCommand(_ arguments: [String]) -> String {
        var words = ["trawl"] + arguments.dropFirst()
        words.removeAll { $0 == "--fresh" || $0 == "--fresh=true" }
        return words.map(quoted).joined(separator: " ")
    }

    /// `word` as a shell word: as is when it is plain, else in single quotes.
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_./:=,@%+".unicodeScalars.contains($0)
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
