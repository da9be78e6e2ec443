import Foundation
import Testing
import TrawlCore
import TrawlTestSupport

@testable import TrawlStore

/// What the shared ``JobStore`` contract suites need from one implementation.
///
/// A server database adds a harness and a ``JobStoreKind``; the contract cases stay as they are.
protocol JobStoreHarness: Sendable {
    /// Opens the store under test for writing; called again after `close()` to reopen the data.
    func openJobStore() async throws -> any JobStore
    /// Opens a second store on the same data that only reads, beside the writing one.
    func openReader() async throws -> any JobStore
    /// Deletes everything the harness created.
    func cleanUp()
}

/// One implementation the job contract suites run against.
struct JobStoreKind: Sendable, CustomTestStringConvertible {
    let name: String
    let makeHarness: @Sendable () throws -> any JobStoreHarness

    var testDescription: String { name }

    static let all: [JobStoreKind] = [
        JobStoreKind(name: "SQLite") { try SQLiteHarness(batchSize: 256) },
        JobStoreKind(name: "SQLite, batches of 4") { try SQLiteHarness(batchSize: 4) },
    ]
}

/// Runs `body` with a fresh harness of `kind`, cleaning up afterwards.
func withJobHarness(_ kind: JobStoreKind, _ body: (any JobStoreHarness) async throws -> Void) async throws {
    let harness = try kind.makeHarness()
    defer { harness.cleanUp() }
    try await body(harness)
}

extension SQLiteHarness: JobStoreHarness {
    func openJobStore() async throws -> any JobStore {
        try SQLiteCrawlStore(path: path, batchSize: batchSize)
    }

    func openReader() async throws -> any JobStore {
        try SQLiteCrawlStore(path: path, readOnly: true)
    }
}

/// Values the job contract suites share.
enum JobFixture {
    static let settings = JobSettings(
        seeds: ["http://a.test/", "http://b.test/"], values: ["max-pages": "100", "scope": "host", "ünï": "☃ \"q\""])

    /// A queued page of `host` at `path`.
    static func entry(
        _ host: String, _ path: String, depth: Int = 1, parent: String? = nil, carried: [Field] = []
    ) -> FrontierEntry {
        FrontierEntry(url: "http://\(host)/\(path)", hostKey: host, depth: depth, parent: parent, carried: carried)
    }

    static var seeds: [FrontierEntry] {
        [entry("a.test", "", depth: 0), entry("b.test", "", depth: 0)]
    }

    /// Carried fields whose text must come back exactly: number lexemes, order, nesting, escapes.
    static let carried: [Field] = [
        Field(name: "title", value: .string("Zürich \"quoted\"\n")),
        Field(name: "price", value: .number("1.50e+3")),
        Field(name: "count", value: .number("7")),
        Field(name: "tags", value: .array([.string("x"), .null, .bool(true)])),
        Field(name: "nested", value: .object([JSONMember(key: "b", value: .number("2")), JSONMember(key: "a", value: .number("1"))])),
    ]

    /// The item line a page at `url` with output sequence `sequence` gets.
    static func item(_ sequence: Int64, _ url: String) -> RecordedItem {
        RecordedItem(sequence: sequence, url: url, line: "{\"url\":\"\(url)\",\"n\":\(sequence),\"s\":\"ünï☃\"}")
    }

    /// Starts a job with the two seeds.
    static func start(_ store: any JobStore) async throws -> CrawlJob {
        try await store.startJob(settings: settings, seeds: seeds)
    }
}
