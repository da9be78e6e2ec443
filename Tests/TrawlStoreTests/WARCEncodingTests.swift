import Foundation
import Testing
import TrawlCore

@testable import TrawlStore

/// The pieces of the WARC export that warcio does not see one by one: base32, CRC-32, stored
/// gzip members, and the reconstructed request and response heads.
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

    @Test("CRC-32 of the standard check string is CBF43926")
    func crc() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test("a gzip member holds the bytes in stored blocks of at most 65535, then CRC-32 and length", arguments: [0, 1, 65_535, 65_536, 200_000])
    func gzipMember(size: Int) throws {
        let input = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let member = GzipMember.wrap(input)
        #expect(Array(member.prefix(4)) == [0x1F, 0x8B, 8, 0])
        var position = 10
        var output: [UInt8] = []
        var final = false
        while !final {
            let header = member[position]
            final = header & 1 == 1
            #expect(header >> 1 == 0, "stored block")
            let length = Int(member[position + 1]) | Int(member[position + 2]) << 8
            let complement = Int(member[position + 3]) | Int(member[position + 4]) << 8
            #expect(length ^ complement == 0xFFFF)
            #expect(length <= 65_535)
            output.append(contentsOf: member[(position + 5)..<(position + 5 + length)])
            position += 5 + length
        }
        #expect(output == input)
        let trailer = Array(member[position...])
        #expect(trailer.count == 8)
        let crc = trailer[0..<4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let length = trailer[4..<8].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(crc == CRC32.checksum(input))
        #expect(length == UInt32(size))
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
