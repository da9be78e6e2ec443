import ArgumentParser

extension CrawlCommand {
    /// Runs the crawl; with `-c FILE`, first reads the file and parses the command line again
    /// with the file's settings in front of it (see ``CrawlConfigFile/arguments(commandLine:seedsGiven:)``).
    func run() async throws {
        // The root command takes no options, so `crawl` is always the first argument.
        let typed = Array(CommandLine.arguments.dropFirst(2))
        guard let path = config.path else { return try await crawl(rules: [], rulesText: nil, arguments: typed) }
        let file: CrawlConfigFile
        do { file = try CrawlConfigFile.load(path: path) } catch { throw ValidationError("\(error)") }
        let arguments = file.arguments(commandLine: typed, seedsGiven: !seeds.isEmpty)
        let merged = try CrawlCommand.parse(arguments)
        try await merged.crawl(rules: file.rules, rulesText: file.rulesText, arguments: arguments)
    }
}
