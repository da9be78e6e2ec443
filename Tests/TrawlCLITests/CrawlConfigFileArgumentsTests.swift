import Testing

@testable import TrawlCLI

/// How the file's settings and the command line make one `crawl` command.
@Suite struct CrawlConfigFileArgumentsTests {
    private let file: CrawlConfigFile

    init() throws {
        file = try CrawlConfigFile.parse(
            """
            seeds: [https://a.test/, https://b.test/]
            per-host: 2
            user-agent: file-agent
            allow-host: [x.test, y.test]
            include: ['/docs/']
            ignore-robots: true
            no-adapt: false
            output: file.jsonl
            """, file: "crawl.yml")
    }

    @Test("Without command-line options the file's settings become arguments, seeds first")
    func fileOnly() {
        #expect(file.arguments(commandLine: ["-c", "crawl.yml"], seedsGiven: false) == [
            "https://a.test/", "https://b.test/", "--per-host=2", "--user-agent=file-agent",
            "--allow-host=x.test", "--allow-host=y.test", "--include=/docs/", "--ignore-robots", "--output=file.jsonl",
        ])
    }

    @Test("A scalar flag on the command line wins and the file's value is dropped")
    func scalarPrecedence() {
        let arguments = file.arguments(commandLine: ["--config", "crawl.yml", "--per-host", "8", "-o", "-"], seedsGiven: false)
        #expect(!arguments.contains("--per-host=2"))
        #expect(!arguments.contains("--output=file.jsonl"))
        #expect(arguments.suffix(4) == ["--per-host", "8", "-o", "-"])
        #expect(!arguments.contains("--config") && !arguments.contains("crawl.yml"))
    }

    @Test("A list flag on the command line replaces the file's whole list, in either spelling")
    func listPrecedence() {
        let arguments = file.arguments(commandLine: ["--allow-host=z.test", "--config=crawl.yml"], seedsGiven: false)
        #expect(arguments.filter { $0.hasPrefix("--allow-host") } == ["--allow-host=z.test"])
        #expect(arguments.contains("--include=/docs/"))
    }

    @Test("Seeds on the command line replace the file's seeds")
    func seedPrecedence() {
        let arguments = file.arguments(commandLine: ["https://c.test/", "-c", "crawl.yml"], seedsGiven: true)
        #expect(!arguments.contains("https://a.test/"))
        #expect(arguments.last == "https://c.test/")
        let fromFile = file.arguments(commandLine: ["--seeds", "list.txt", "-c", "crawl.yml"], seedsGiven: false)
        #expect(!fromFile.contains("https://a.test/"))
    }

    @Test("Combined short flags count as given, and nothing after -- is an option")
    func shortFlagsAndDoubleDash() {
        let (given, rest) = CrawlConfigFile.scan(["-qv", "-ofile.csv", "--", "--per-host"])
        #expect(given == ["quiet", "verbose", "output"])
        #expect(rest == ["-qv", "-ofile.csv", "--", "--per-host"])
    }

    @Test("The merged arguments parse as a crawl command with the command line winning")
    func mergedParse() throws {
        let arguments = file.arguments(commandLine: ["--user-agent", "cli-agent", "-c", "crawl.yml"], seedsGiven: false)
        let command = try CrawlCommand.parse(arguments)
        #expect(command.userAgent == "cli-agent")
        #expect(command.perHost == 2)
        #expect(command.allowHosts == ["x.test", "y.test"])
        #expect(command.politeness.ignoreRobots)
        #expect(!command.politeness.noAdapt)
        #expect(command.seeds == ["https://a.test/", "https://b.test/"])
        #expect(command.config.path == nil)
    }

    @Test("Every long option of crawl has a config key")
    func everyFlagHasAKey() {
        let help = CrawlCommand.helpMessage(columns: 400)
        let flags = help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "[" || $0 == "]" })
            .map { String($0.prefix { $0.isLetter || $0.isNumber || $0 == "-" }) }
            .filter { $0.hasPrefix("--") && $0.count > 2 }
        let ignored: Set<String> = ["--help", "--config", "--version"]
        let missing = Set(flags).subtracting(ignored).filter { ConfigKey.key(forFlag: $0) == nil }
        #expect(flags.count > 30)
        #expect(missing.isEmpty, "\(missing.sorted())")
    }
}
