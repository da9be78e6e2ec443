import Foundation
import Testing
import TrawlCore
import TrawlJSONPath

/// Runs the RFC 9535 compliance test suite (shared/conformance/jsonpath/cts.json).
@Suite struct JSONPathConformanceTests {
    /// The number of cases that pass today; raise it as filters and functions land.
    static let passFloor = 414

    struct Case {
        var name: String
        var selector: String
        var document: JSONValue?
        var results: [[JSONValue]]
        var invalid: Bool
    }

    static func loadCases() throws -> [Case] {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("../shared/conformance/jsonpath/cts.json").standardized
        let data = try Data(contentsOf: file)
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

    @Test("every compliance case without a filter passes, and the pass count never drops")
    func complianceSuite() throws {
        let cases = try Self.loadCases()
        #expect(cases.count == 703)
        var passed = 0
        var failedWithoutFilter: [String] = []
        for test in cases {
            if Self.passes(test) {
                passed += 1
            } else if !test.selector.contains("?") {
                failedWithoutFilter.append("\(test.name): \(test.selector)")
            }
        }
        print("JSONPath compliance: \(passed) of \(cases.count) cases pass")
        #expect(failedWithoutFilter.isEmpty, "\(failedWithoutFilter.joined(separator: "\n"))")
        #expect(passed >= Self.passFloor)
    }
}

extension JSONPathConformanceTests {
    @Test("valid filter queries are refused as unsupported, never as syntax errors")
    func filtersRefusedCleanly() throws {
        var misreported: [String] = []
        for test in try Self.loadCases() where !test.invalid {
            do {
                _ = try JSONPathQuery(test.selector)
            } catch {
                if error.code != .unsupported { misreported.append("\(test.selector): \(error)") }
            }
        }
        #expect(misreported.isEmpty, "\(misreported.joined(separator: "\n"))")
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
