import ArgumentParser

extension CrawlCommand {
    /// Runs the crawl; with `-c FILE`, first reads the file and parses the command line again
    /// with the file's settings in front of it (see ``CrawlConfigFile/arguments(commandLine:seedsGiven:)``).
    func run() async throws {
        guard let path = config.path else { return try await crawl(rules: []) }
        let file: CrawlConfigFile
        do { file = try CrawlConfigFile.load(path: path) } catch { throw ValidationError("\(error)") }
        // The root command takes no options, so `crawl` is always the first argument.
        let typed = Array(CommandLine.arguments.dropFirst(2))
        let merged = try CrawlCommand.parse(file.arguments(commandLine: typed, seedsGiven: !seeds.isEmpty))
        try await merged.crawl(rules: file.rules)
    }
}
