import Testing
import TrawlCore

@testable import TrawlCLI

/// Which settings a resumed job compares, and how a change is named.
@Suite struct JobFingerprintTests {
    @Test("options that change what is crawled count; speed, politeness and output options do not")
    func comparedOptions() {
        let values = JobFingerprint.values(
            arguments: [
                "http://a/", "--max-depth", "2", "--concurrency", "8", "--extract", "t=//title", "--extract=p=//p",
                "-o", "items.jsonl", "--quiet", "--fresh", "--grace", "3", "--sort-query", "--cache", "c.sqlite",
            ],
            configRules: nil)
        #expect(values == ["max-depth": "2", "extract": "t=//title\np=//p", "sort-query": "true"])
    }

    @Test("a config file's rules are compared as one value")
    func rules() {
        let values = JobFingerprint.values(arguments: ["-c", "crawl.yml"], configRules: "- fields: {}\n")
        #expect(values == ["rules": "- fields: {}\n"])
    }

    @Test("each difference is named: seeds, changed, added and removed options, rules")
    func differences() {
        let job = JobSettings(seeds: ["http://a/"], values: ["max-depth": "2", "include": "x", "rules": "a"])
        let command = JobSettings(seeds: ["http://b/"], values: ["max-depth": "3", "exclude": "y", "rules": "b"])
        #expect(
            JobFingerprint.differences(job: job, command: command) == [
                "the seeds", "--exclude added (y)", "--include removed (was x)", "--max-depth 2 → 3",
                "the config file's rules changed",
            ])
        #expect(JobFingerprint.differences(job: job, command: job).isEmpty)
    }

    @Test("the resume command is the typed one without --fresh, quoted for the shell")
    func resumeCommand() {
        let command = JobReport.resumeCommand([
            "/usr/bin/trawl", "crawl", "http://a/?x=1&y=2", "--fresh", "--extract", "t=//h1[@class='t']",
        ])
        #expect(command == #"trawl crawl 'http://a/?x=1&y=2' --extract 't=//h1[@class='\''t'\'']'"#)
    }
}
