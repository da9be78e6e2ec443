import Testing
import TrawlURL

/// Resolution of every link form a crawler meets, against a page URL.
@Suite struct WebURLResolvingTests {
    private let page = "http://example.com/dir/page.html?x=1#top"

    private func resolve(_ reference: String, against base: String? = nil) throws -> String {
        try WebURL(base ?? page).resolving(reference).absoluteString
    }

    @Test("an absolute reference replaces the base")
    func absolute() throws {
        #expect(try resolve("https://Other.org:443/a") == "https://other.org/a")
        #expect(try resolve("HTTP://example.com/") == "http://example.com/")
    }

    @Test("a root-relative path keeps scheme and authority")
    func rootRelative() throws {
        #expect(try resolve("/root?a") == "http://example.com/root?a")
        #expect(try resolve("/", against: "https://u:p@h:81/a/b") == "https://u:p@h:81/")
    }

    @Test("relative paths merge with the base directory")
    func relativePaths() throws {
        #expect(try resolve("other.html") == "http://example.com/dir/other.html")
        #expect(try resolve("./other.html") == "http://example.com/dir/other.html")
        #expect(try resolve("sub/") == "http://example.com/dir/sub/")
        #expect(try resolve(".") == "http://example.com/dir/")
        #expect(try resolve("") == "http://example.com/dir/page.html?x=1")
    }

    @Test("../ climbs one directory and never above the root")
    func parentDirectories() throws {
        #expect(try resolve("../up.html") == "http://example.com/up.html")
        #expect(try resolve("../../../../up.html") == "http://example.com/up.html")
        #expect(try resolve("..") == "http://example.com/")
        #expect(try resolve("a/../b/./c") == "http://example.com/dir/b/c")
    }

    @Test("?query replaces only the query; #frag only the fragment")
    func queryAndFragmentOnly() throws {
        #expect(try resolve("?y=2") == "http://example.com/dir/page.html?y=2")
        #expect(try resolve("#sec") == "http://example.com/dir/page.html?x=1#sec")
        #expect(try resolve("?") == "http://example.com/dir/page.html?")
    }

    @Test("//host references keep only the base scheme")
    func schemeRelative() throws {
        #expect(try resolve("//cdn.example.net/lib.js") == "http://cdn.example.net/lib.js")
        #expect(try resolve("//cdn.example.net", against: "https://a/") == "https://cdn.example.net/")
    }

    @Test("whitespace around an href is trimmed and tabs and newlines inside removed")
    func whitespace() throws {
        #expect(try resolve("  \n /a b\t/c \n") == "http://example.com/a%20b/c")
        #expect(try resolve("\t\thttp://x.org/\r\n") == "http://x.org/")
    }

    @Test("backslashes act as slashes for http")
    func backslashes() throws {
        #expect(try resolve("\\\\evil.com\\x") == "http://evil.com/x")
        #expect(try resolve("\\root") == "http://example.com/root")
        #expect(try resolve("a\\b") == "http://example.com/dir/a/b")
    }

    @Test("a same-scheme reference without slashes is relative")
    func sameSchemeRelative() throws {
        #expect(try resolve("http:other") == "http://example.com/dir/other")
        #expect(try resolve("https:other") == "https://other/")
    }

    @Test("non-http links resolve to their own scheme so callers can drop them")
    func otherSchemes() throws {
        #expect(try WebURL(page).resolving("mailto:a@b.c").isHTTP == false)
        #expect(try WebURL(page).resolving("javascript:void(0)").scheme == "javascript")
        #expect(try WebURL(page).resolving("tel:+123").scheme == "tel")
    }

    @Test("an opaque-path base accepts only absolute references and fragments")
    func opaqueBase() throws {
        let mail = try WebURL("mailto:a@b.c")
        #expect(try mail.resolving("#x").absoluteString == "mailto:a@b.c#x")
        #expect(throws: URLParseError.self) { try mail.resolving("x") }
        #expect(try mail.resolving("http://a/").absoluteString == "http://a/")
    }

    @Test("invalid references throw")
    func invalidReferences() throws {
        let base = try WebURL(page)
        #expect(throws: URLParseError.self) { try base.resolving("http://a:b/") }
        #expect(throws: URLParseError.self) { try base.resolving("//a b/") }
        #expect(throws: URLParseError.self) { try base.resolving("http://[::1") }
    }
}
