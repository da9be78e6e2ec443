import ArgumentParser
import Logging
import TrawlCommandProcessor

/// The `crawl` options that hand every page to a program of the user's, in any language.
///
/// The program is given as an argument vector, one flag per word, and run without a shell:
/// `--processor-command python3 --processor-arg titles.py`. The protocol (JSON lines on stdin
/// and stdout) is described in `examples/command-processor/README.md`.
struct CommandProcessorOptions: ParsableArguments {
    @Option(name: .customLong("processor-command"), parsing: .unconditional, help: ArgumentHelp("Run this program as a processor: one JSON line per page on its stdin, one answer per page on its stdout (no shell; a path or a name in PATH).", valueName: "program"))
    var program: String?

    @Option(name: .customLong("processor-arg"), parsing: .unconditionalSingleValue, help: ArgumentHelp("An argument for the --processor-command program (repeatable, in order).", valueName: "arg"))
    var arguments: [String] = []

    @Option(name: .customLong("processor-workers"), help: ArgumentHelp("Copies of the --processor-command program to run at once.", valueName: "n"))
    var workers = 1

    @Option(name: .customLong("processor-timeout"), help: ArgumentHelp("Seconds a page may wait for the program's answer before it fails.", valueName: "seconds"))
    var timeout: Double = 60

    func validate() throws {
        guard program != nil else {
            if !arguments.isEmpty { throw ValidationError("--processor-arg needs --processor-command") }
            return
        }
        guard workers >= 1 else { throw ValidationError("--processor-workers must be at least 1, got \(workers)") }
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--processor-timeout must be a positive number of seconds")
        }
    }

    /// Starts the program's children, or returns nil when no `--processor-command` was given.
    func makeProcessor(logger: Logger) throws(ValidationError) -> CommandProcessor? {
        guard let program else { return nil }
        let configuration = CommandProcessorConfiguration(
            arguments: [program] + arguments, workers: workers, timeout: timeout)
        do {
            return try CommandProcessor(configuration: configuration, logger: logger)
        } catch {
            throw ValidationError("invalid --processor-command: \(error)")
        }
    }
}
