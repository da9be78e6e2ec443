import Foundation
import Testing

@testable import TrawlCLI

/// The config files under examples/ stay valid.
@Suite struct ExampleConfigTests {
    private static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    @Test("Every example config loads; the annotated one sets most keys and has three rules", arguments: [
        ("crawl.yml", 3), ("pokemon.yml", 1), ("docs-site.yml", 1), ("shop.yml", 2),
    ])
    func loads(name: String, rules: Int) throws {
        let config = try CrawlConfigFile.load(path: Self.examples.appendingPathComponent(name).path)
        #expect(config.rules.count == rules)
        #expect(!config.seeds.isEmpty)
        if name == "crawl.yml" { #expect(config.settings.count > 30) }
    }

    @Test("The merged arguments of the annotated example parse as a crawl command")
    func annotatedParses() throws {
        let config = try CrawlConfigFile.load(path: Self.examples.appendingPathComponent("crawl.yml").path)
        let command = try CrawlCommand.parse(config.arguments(commandLine: [], seedsGiven: false))
        #expect(command.perHost == 2)
        #expect(command.scope.stripQuery == ["utm_*"])
        #expect(command.output.path == "items.jsonl")
    }
}
