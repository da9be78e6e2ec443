import Foundation
import Testing
import TrawlURL

/// Runs the http/https subset of the web-platform-tests URL parser cases.
@Suite struct ConformanceTests {
    /// Pass counts reached; a ratchet: lower them only with a reason.
    static let httpPassFloor = 446
    static let fullPassFloor = 891

    struct Case {
        var input: String
        var base: String?
        var href: String?
    }

    static func loadCases(_ name: String) throws -> [Case] {
        let repoRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = repoRoot.appendingPathComponent("../shared/conformance/url/\(name)")
        let data = try Data(contentsOf: file)
        let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [Any])
        return entries.compactMap { entry in
            guard let object = entry as? [String: Any], let input = object["input"] as? String else { return nil }
            let failure = object["failure"] as? Bool ?? false
            return Case(input: input, base: object["base"] as? String, href: failure ? nil : object["href"] as? String)
        }
    }

    static func run(_ testCase: Case) -> String? {
        let result: WebURL
        do {
            if let base = testCase.base {
                result = try WebURL(base).resolving(testCase.input)
            } else {
                result = try WebURL(testCase.input)
            }
        } catch {
            return testCase.href == nil ? nil : "threw \(error) for \(testCase.input.debugDescription), base \(testCase.base ?? "nil"), expected \(testCase.href ?? "")"
        }
        if let href = testCase.href {
            return result.absoluteString == href ? nil
                : "\(testCase.input.debugDescription) base \(testCase.base ?? "nil"): got \(result.absoluteString) expected \(href)"
        }
        return "\(testCase.input.debugDescription) base \(testCase.base ?? "nil"): parsed as \(result.absoluteString), expected failure"
    }

    /// Runs every case of `file`, records the failures when any, and checks the ratchet.
    static func check(_ file: String, expectedCount: Int, floor: Int) throws {
        let cases = try loadCases(file)
        #expect(cases.count == expectedCount)
        let failures = cases.compactMap(run)
        let passes = cases.count - failures.count
        if passes < cases.count {
            Issue.record("\(file): \(passes)/\(cases.count) passed; failures:\n\(failures.joined(separator: "\n"))")
        }
        #expect(passes >= floor)
    }

    @Test("every WPT http/https URL case parses to the expected href or fails as expected")
    func httpSubset() throws {
        try Self.check("urltestdata-http.json", expectedCount: 446, floor: Self.httpPassFloor)
    }

    @Test("every WPT URL case, all schemes and bases, parses to the expected href or fails")
    func fullFile() throws {
        try Self.check("urltestdata.json", expectedCount: 891, floor: Self.fullPassFloor)
    }
}
