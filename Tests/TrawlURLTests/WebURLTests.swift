import Testing
import TrawlURL

@Suite struct WebURLTests {
    private func href(_ string: String) throws -> String {
        try WebURL(string).absoluteString
    }

    /// The error parsing `input` throws, or nil when it parses.
    private func parseError(_ input: String) -> URLParseError? {
        do {
            _ = try WebURL(input)
            return nil
        } catch {
            return error
        }
    }

    /// A one-scalar string, for code points Swift literals reject.
    private func scalar(_ value: UInt32) -> String {
        Unicode.Scalar(value).map { String(Character($0)) } ?? ""
    }

    @Test("scheme and host are lowercased, path case is kept")
    func caseNormalization() throws {
        #expect(try href("HTTP://Example.COM/A/b") == "http://example.com/A/b")
    }

    @Test("the default port is dropped and other ports kept")
    func defaultPort() throws {
        #expect(try href("http://example.com:80/") == "http://example.com/")
        #expect(try href("https://example.com:443/x") == "https://example.com/x")
        #expect(try href("https://example.com:80/") == "https://example.com:80/")
        #expect(try href("http://example.com:0008080/") == "http://example.com:8080/")
        let url = try WebURL("http://example.com:8080/")
        #expect(url.port == 8080)
        #expect(url.effectivePort == 8080)
        #expect(try WebURL("https://a/").effectivePort == 443)
        #expect(try WebURL("http://a/").port == nil)
    }

    @Test("an empty http path becomes /")
    func emptyPath() throws {
        #expect(try href("http://example.com") == "http://example.com/")
        #expect(try href("http://example.com?q") == "http://example.com/?q")
        #expect(try WebURL("https://example.com").path == "/")
    }

    @Test("dot segments, including %2e forms, are removed")
    func dotSegments() throws {
        #expect(try href("http://a/b/c/./../d") == "http://a/b/d")
        #expect(try href("http://a/b/%2e%2E/c/%2e/") == "http://a/c/")
        #expect(try href("http://a/../../x") == "http://a/x")
        #expect(try href("http://a/b/..") == "http://a/")
    }

    @Test("components are percent-encoded with their WHATWG sets; existing escapes stay")
    func percentEncoding() throws {
        #expect(try href("http://a/a b/ü?q=a b'\"#f g`") == "http://a/a%20b/%C3%BC?q=a%20b%27%22#f%20g%60")
        #expect(try href("http://a/%7e%zz") == "http://a/%7e%zz")
        #expect(try href("http://u s:p@ss@a/") == "http://u%20s:p%40ss@a/")
    }

    @Test("the canonical string drops the fragment and uppercases escape hex")
    func canonicalString() throws {
        let url = try WebURL("http://a/%2f%7E?x=%3a#frag")
        #expect(url.absoluteString == "http://a/%2f%7E?x=%3a#frag")
        #expect(url.canonicalString == "http://a/%2F%7E?x=%3A")
        #expect(url.removingFragment().absoluteString == "http://a/%2f%7E?x=%3a")
        #expect(url.removingFragment().fragment == nil)
        #expect(try WebURL("http://A:80/x#1").canonicalString == WebURL("http://a/x#2").canonicalString)
    }

    @Test("components are exposed without their delimiters")
    func components() throws {
        let url = try WebURL("https://user:pw@Host.example:8443/p/q?a=1#top")
        #expect(url.scheme == "https")
        #expect(url.username == "user")
        #expect(url.password == "pw")
        #expect(url.host == "host.example")
        #expect(url.port == 8443)
        #expect(url.path == "/p/q")
        #expect(url.query == "a=1")
        #expect(url.fragment == "top")
        #expect(url.description == "https://user:pw@host.example:8443/p/q?a=1#top")
        #expect(url.isHTTP)
    }

    @Test("an empty query and fragment are kept distinct from absent ones")
    func emptyQueryAndFragment() throws {
        let url = try WebURL("http://a/?#")
        #expect(url.query == "")
        #expect(url.fragment == "")
        #expect(url.absoluteString == "http://a/?#")
        #expect(try WebURL("http://a/").query == nil)
    }

    @Test("hostKey is the host without port or credentials")
    func hostKey() throws {
        #expect(try WebURL("http://u:p@WWW.Example.com:8080/x").hostKey == "www.example.com")
        #expect(try WebURL("http://[::1]:8080/").hostKey == "[::1]")
        #expect(try WebURL("http://0x7f.1/").hostKey == "127.0.0.1")
    }

    @Test("IPv4 numbers in hex, octal and short forms become dotted decimal")
    func ipv4() throws {
        #expect(try href("http://0x7f.1/") == "http://127.0.0.1/")
        #expect(try href("http://2130706433/") == "http://127.0.0.1/")
        #expect(try href("http://0177.0.0.1/") == "http://127.0.0.1/")
        #expect(try href("http://192.168.257/") == "http://192.168.1.1/")
        #expect(throws: URLParseError.self) { try WebURL("http://256.0.0.1.2/") }
        #expect(throws: URLParseError.self) { try WebURL("http://1.2.3.08/") }
    }

    @Test("IPv6 literals are compressed per the standard's serializer")
    func ipv6() throws {
        #expect(try href("http://[0:0:0:0:0:0:0:1]/") == "http://[::1]/")
        #expect(try href("http://[2001:DB8:0:0:1:0:0:1]:8080/") == "http://[2001:db8::1:0:0:1]:8080/")
        #expect(try href("http://[::ffff:192.168.0.1]/") == "http://[::ffff:c0a8:1]/")
        #expect(try href("http://[1:0:1:0:1:0:1:0]/") == "http://[1:0:1:0:1:0:1:0]/")
        #expect(throws: URLParseError.self) { try WebURL("http://[::1/") }
        #expect(throws: URLParseError.self) { try WebURL("http://[1::2::3]/") }
    }

    @Test("internationalized hosts become Punycode xn-- labels")
    func idn() throws {
        #expect(try href("http://Bücher.example/") == "http://xn--bcher-kva.example/")
        #expect(try href("http://你好你好/") == "http://xn--6qqa088eba/")
        #expect(try href("https://faß.ExAmPlE/") == "https://xn--fa-hia.example/")
        #expect(try href("http://Ｇｏ。com/") == "http://go.com/")
        #expect(try href("http://xn--bcher-kva.example/") == "http://xn--bcher-kva.example/")
        #expect(try href("http://%E4%BD%A0.cn/") == "http://xn--6qq.cn/")
    }

    @Test("invalid internationalized hosts are rejected")
    func invalidIDN() {
        #expect(throws: URLParseError.self) { try WebURL("http://\(scalar(0xFDD0))zyx.com/") }
        #expect(throws: URLParseError.self) { try WebURL("http://\u{AD}/") }
        #expect(throws: URLParseError.self) { try WebURL("http://ex\u{3000}ample.com/") }
    }

    @Test("non-special schemes parse far enough to report their scheme")
    func otherSchemes() throws {
        let mail = try WebURL("MailTo:someone@example.com")
        #expect(mail.scheme == "mailto")
        #expect(mail.path == "someone@example.com")
        #expect(mail.host == "")
        #expect(!mail.isHTTP)
        #expect(mail.effectivePort == nil)
        #expect(try WebURL("javascript:void(0)").absoluteString == "javascript:void(0)")
        #expect(try WebURL("data:text/plain,hi there").scheme == "data")
        #expect(try WebURL("tel:+1-555").scheme == "tel")
        #expect(try WebURL("ftp://ftp.example.com:21/f").absoluteString == "ftp://ftp.example.com/f")
        #expect(try WebURL("file:///etc/hosts").absoluteString == "file:///etc/hosts")
    }

    @Test("errors carry a code and a one-line description")
    func errors() {
        let cases: [(String, URLParseError.Code)] = [
            ("/relative", .missingBase),
            ("1http://x/", .invalidScheme),
            ("http://", .missingHost),
            ("http://user@/", .missingHost),
            ("http://a b/", .invalidHost),
            ("http://a:99999/", .invalidPort),
            ("http://a:8x/", .invalidPort),
            ("http://[::g]/", .invalidHost),
            ("http://\(scalar(0xFFFF))y/", .unsupportedHost),
        ]
        for (input, code) in cases {
            #expect(parseError(input)?.code == code, "\(input)")
        }
        let error = URLParseError(.missingHost, input: "htp:/x", reason: "missing host")
        #expect(error.description == "invalid URL 'htp:/x': missing host")
    }

    @Test("URLs longer than 8,192 characters are rejected as tooLong")
    func tooLong() throws {
        let long = "http://a/" + String(repeating: "x", count: 8_200)
        #expect(parseError(long)?.code == .tooLong)
        let expanding = "http://a/" + String(repeating: " ", count: 4_000) + "x"
        #expect(parseError(expanding)?.code == .tooLong)
        #expect(try WebURL("http://a/" + String(repeating: "x", count: 8_000)).path.count == 8_001)
    }

    @Test("equal URLs hash equal after normalization")
    func hashable() throws {
        let set: Set<WebURL> = [try WebURL("http://A.com:80"), try WebURL("http://a.com/")]
        #expect(set.count == 1)
    }
}
