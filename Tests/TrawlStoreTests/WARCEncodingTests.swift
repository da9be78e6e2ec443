import Foundation
import Testing
import TrawlCore
import TrawlZlib

@testable import TrawlStore

/// The pieces of the WARC export that warcio does not see one by one: base32, gzip members,
/// and the reconstructed request and response heads.
@Suite struct WARCEncodingTests {
    @Test("base32 matches the RFC 4648 test vectors")
    func base32() {
        let vectors = [
            ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
            ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======"),
        ]
        for (input, output) in vectors { #expect(Base32.encode(Array(input.utf8)) == output, "\(input)") }
    }

    @Test("a SHA-1 digest is sha1: and 32 base32 characters")
    func digest() {
        // sha1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d
        #expect(WARCWriter.digest(Array("abc".utf8)) == "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5")
    }

    @Test("a gzip member deflates the bytes and inflates back whole; members concatenate", arguments: [0, 1, 65_535, 200_000])
    func gzipMember(size: Int) throws {
        let input = (0..<size).map { UInt8(truncatingIfNeeded: ($0 / 7) % 61) }
        let deflater = try GzipDeflater()
        let member = try deflater.member(input)
        #expect(Array(member.prefix(3)) == [0x1F, 0x8B, 8])
        if size > 1_000 { #expect(member.count < size / 10) }
        var output: [UInt8] = []
        #expect(try GzipInflater().inflate(member, into: &output, limit: size + 1) == false)
        #expect(output == input)
        // The deflater is reused: a second member after the first reads as the two inputs.
        let twice = member + (try deflater.member(input))
        var both: [UInt8] = []
        _ = try GzipInflater().inflate(twice, into: &both, limit: 2 * size + 1)
        #expect(both == input + input)
    }

    @Test("the request head is the GET Trawl sends: target with query, Host with a non-default port, User-Agent")
    func requestHead() {
        let head = WARCWriter.requestHead(for: "http://example.org:8080/a/b?x=1&y=%20", userAgent: "Trawl/9")
        #expect(head == "GET /a/b?x=1&y=%20 HTTP/1.1\r\nHost: example.org:8080\r\nUser-Agent: Trawl/9\r\nAccept: */*\r\n\r\n")
        #expect(WARCWriter.requestHead(for: "https://example.org", userAgent: "T").hasPrefix("GET / HTTP/1.1\r\nHost: example.org\r\n"))
    }

    @Test("the response head drops Content-Encoding, Transfer-Encoding and the server's Content-Length and states the stored length")
    func responseHead() {
        let response = Response(
            requestedURL: "http://h/", finalURL: "http://h/", status: 404,
            headers: [("Content-Type", "text/html"), ("content-encoding", "gzip"), ("Content-Length", "12"),
                      ("Transfer-Encoding", "chunked"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")],
            body: Array("hello".utf8))
        #expect(WARCWriter.responseHead(for: response) == """
            HTTP/1.1 404 Not Found\r
            Content-Type: text/html\r
            Set-Cookie: a=1\r
            Set-Cookie: b=2\r
            Content-Length: 5\r
            \r

            """)
    }
}
