import Foundation
import Testing
import TrawlCore
import TrawlJSONPath

/// Runs the RFC 9535 compliance test suite (shared/conformance/jsonpath/cts.json).
@Suite struct JSONPathConformanceTests {
    /// The number of cases that pass: all of them. The test fails if the count ever drops.
    static let passFloor = 703

    struct Case {
        var name: String
        var selector: String
        var document: JSONValue?
        var results: [[JSONValue]]
        var invalid: Bool
    }

    static func loadCases() throws -> [Case] {
        let data = try Data(contentsOf: try suiteFile())
        let suite = try JSONParser.parse([UInt8](data))
        guard case .array(let tests)? = suite["tests"] else { throw CTSFormatError() }
        return try tests.map { test in
            guard case .string(let name)? = test["name"], case .string(let selector)? = test["selector"] else {
                throw CTSFormatError()
            }
            var results: [[JSONValue]] = []
            if case .array(let result)? = test["result"] { results = [result] }
            if case .array(let alternatives)? = test["results"] {
                results = alternatives.compactMap { if case .array(let r) = $0 { r } else { nil } }
            }
            return Case(
                name: name, selector: selector, document: test["document"], results: results,
                invalid: test["invalid_selector"] == .bool(true))
        }
    }

    struct CTSFormatError: Error {}

    /// `shared/conformance/jsonpath/cts.json` in the nearest ancestor of this file that has it:
    /// beside the main checkout (`/work/main/../shared`) and beside a worktree (`/work/wt/x/../../shared`).
    static func suiteFile() throws -> URL {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("shared/conformance/jsonpath/cts.json")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        throw CTSFormatError()
    }

    /// Whether `query` behaves as the case demands.
    static func passes(_ test: Case) -> Bool {
        let query: JSONPathQuery
        do {
            query = try JSONPathQuery(test.selector)
        } catch {
            return test.invalid
        }
        guard !test.invalid, let document = test.document else { return false }
        let actual = query.evaluate(document)
        return test.results.contains { expected in
            expected.count == actual.count && zip(expected, actual).allSatisfy { $0.isEquivalent(to: $1) }
        }
    }

    @Test("every compliance case passes, and the pass count never drops")
    func complianceSuite() throws {
        let cases = try Self.loadCases()
        #expect(cases.count == 703)
        var failed: [String] = []
        for test in cases where !Self.passes(test) {
            failed.append("\(test.name): \(test.selector)")
        }
        let passed = cases.count - failed.count
        print("JSONPath compliance: \(passed) of \(cases.count) cases pass")
        #expect(passed >= Self.passFloor, "\(failed.joined(separator: "\n"))")
    }
}

extension JSONValue {
    /// JSON equality for comparing results: object members in any order, numbers by value.
    func isEquivalent(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b || Double(a) == Double(b)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isEquivalent(to: $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { member in
                b.contains { $0.key == member.key && $0.value.isEquivalent(to: member.value) }
            }
        default: return false
        }
    }
}
