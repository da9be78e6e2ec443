import ArgumentParser

/// The `crawl` options that say what to do with the cache's job: resume it (the default),
/// start over, or resume it under changed settings; and how long a stop may take.
struct JobOptions: ParsableArguments {
    @Flag(help: "Start a new job (the cached responses are still used) instead of resuming the cache's job.")
    var fresh = false

    @Flag(name: .customLong("resume-anyway"), help: "Resume the cache's unfinished job even though the seeds or settings changed: its URLs are kept and the new settings apply.")
    var resumeAnyway = false

    @Option(help: ArgumentHelp("Seconds requests in flight may take to finish after Ctrl-C or SIGTERM.", valueName: "seconds"))
    var grace: Double = 10

    func validate() throws {
        guard grace >= 0, grace.isFinite else { throw ValidationError("--grace must be a number of seconds, 0 or more") }
        if fresh && resumeAnyway { throw ValidationError("--fresh and --resume-anyway exclude each other") }
    }
}
