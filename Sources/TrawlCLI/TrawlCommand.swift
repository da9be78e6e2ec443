import ArgumentParser
import Foundation
import TrawlCore

/// `trawl`: the root command.
struct TrawlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trawl",
        abstract: "A fast caching web crawler: seed URLs in, JSON lines out, every response cached.",
        version: TrawlVersion.current,
        subcommands: [CrawlCommand.self, ExtractCommand.self, StatusCommand.self, ItemsCommand.self, RobotsCommand.self, CacheCommand.self]
    )
}

/// Entry point. Runs the command and turns every input error into one line on stderr and exit
/// code 2 (ArgumentParser's own default is 64, and prints the whole usage).
@main
enum TrawlMain {
    static func main() async {
        do {
            var command = try TrawlCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let failure as CrawlFailure {
            FileHandle.standardError.write(Data("trawl: \(failure.message)\n".utf8))
            Foundation.exit(1)
        } catch {
            let code = TrawlCommand.exitCode(for: error)
            if code == .success {
                print(TrawlCommand.fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = TrawlCommand.message(for: error)
                .split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data("trawl: \(message)\n".utf8))
            Foundation.exit(2)
        }
    }
}

/// A crawl that started but could not go on (the store or the output broke): exit code 1.
struct CrawlFailure: Error {
    let message: String
}
