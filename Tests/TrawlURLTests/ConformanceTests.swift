import Foundation
import Testing
import TrawlURL

/// Runs the http/https subset of the web-platform-tests URL parser cases.
@Suite struct ConformanceTests {
    /// The pass count reached; a ratchet: lower it only with a reason.
    static let passFloor = 446

    struct Case {
        var input: String
        var base: String?
        var href: String?
    }

    static func loadCases() throws -> [Case] {
        let repoRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = repoRoot.appendingPathComponent("../shared/conformance/url/urltestdata-http.json")
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

    @Test("every WPT http/https URL case parses to the expected href or fails as expected")
    func urlTestData() throws {
        let cases = try Self.loadCases()
        #expect(cases.count == 446)
        let failures = cases.compactMap(Self.run)
        let passes = cases.count - failures.count
        if passes < cases.count {
            Issue.record("\(passes)/\(cases.count) passed; failures:\n\(failures.joined(separator: "\n"))")
        }
        #expect(passes >= Self.passFloor)
    }
}
