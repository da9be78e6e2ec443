import Foundation
import TrawlCore

/// What `Fixtures/foundation-v1.sqlite` holds: a cache written by the foundation-era store
/// (schema version 1, bodies in the `responses` row), kept to test migration 2.
///
/// The file was made once by storing exactly these values with that store; never regenerate it
/// with a newer store, or the migration test stops testing a migration.
enum FoundationCacheFixture {
    static let fileName = "foundation-v1.sqlite"

    static let page = Array(
        """
        <!doctype html><html><head><title>Fixture</title></head><body>
        <ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul>
        <p>Shared template text that a migration may pack and deduplicate.</p></body></html>
        """.utf8)

    /// Keys and responses, in the order they were stored.
    static let responses: [(key: String, response: Response)] = [
        (
            "http://fixture.test/",
            Response(
                requestedURL: "http://fixture.test/", status: 200,
                headers: [("Content-Type", "text/html; charset=utf-8"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")],
                body: page, fetchedAt: Date(timeIntervalSinceReferenceDate: 786_000_000.125), elapsed: 0.25)
        ),
        (
            "http://fixture.test/old",
            Response(
                requestedURL: "http://fixture.test/old", status: 301,
                headers: [("Location", "/new"), ("Content-Length", "0")],
                fetchedAt: Date(timeIntervalSinceReferenceDate: 786_000_001.5), elapsed: 0.01)
        ),
        (
            "http://fixture.test/copy",
            Response(
                requestedURL: "http://fixture.test/copy", status: 200,
                headers: [("Content-Type", "text/html")],
                body: page, fetchedAt: Date(timeIntervalSinceReferenceDate: 786_000_002.75), elapsed: 0.5)
        ),
        (
            "http://other.test/bin?x=1",
            Response(
                requestedURL: "http://other.test/bin?x=1", finalURL: "http://other.test/bin?x=1", status: 404,
                headers: [("Content-Type", "application/octet-stream")],
                body: [0, 1, 2, 0, 255, 254, 0] + Array("päge ☃".utf8),
                fetchedAt: Date(timeIntervalSinceReferenceDate: 786_000_003), elapsed: 1.0 / 3)
        ),
    ]

    /// Failures, as (key, url, reason); `http://fixture.test/down` was recorded twice.
    static let failures: [(key: String, url: String, reason: FailureReason)] = [
        ("http://fixture.test/down", "http://fixture.test/down", FailureReason(.connect, "refused")),
        ("http://fixture.test/down", "http://fixture.test/down", FailureReason(.timeout, "30 s")),
        ("http://gone.test/", "http://gone.test/", FailureReason(.dns, "no such host")),
    ]
}
