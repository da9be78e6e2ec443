import Testing
import TrawlURL

@Suite struct URLGlobTests {
    /// The error expanding `pattern` throws, or nil when it expands.
    private func globError(_ pattern: String, limit: Int = 1_000_000) -> URLGlobError? {
        do {
            _ = try URLGlob.expand(pattern, limit: limit)
            return nil
        } catch {
            return error
        }
    }

    @Test("a pattern without globs expands to itself")
    func plain() throws {
        #expect(try URLGlob.expand("http://a/b?c=d") == ["http://a/b?c=d"])
    }

    @Test("numeric ranges expand inclusively")
    func numericRange() throws {
        #expect(try URLGlob.expand("http://a/[1-3].html") == ["http://a/1.html", "http://a/2.html", "http://a/3.html"])
        #expect(try URLGlob.expand("http://a/[1-151]").count == 151)
        #expect(try URLGlob.expand("http://a/[7-7]") == ["http://a/7"])
    }

    @Test("a leading zero pads to the width of the first number")
    func padding() throws {
        let urls = try URLGlob.expand("http://a/[001-100]")
        #expect(urls.first == "http://a/001")
        #expect(urls[9] == "http://a/010")
        #expect(urls.last == "http://a/100")
        #expect(try URLGlob.expand("[08-11]") == ["08", "09", "10", "11"])
    }

    @Test("letter ranges expand in either case")
    func letters() throws {
        #expect(try URLGlob.expand("http://[a-c].x/") == ["http://a.x/", "http://b.x/", "http://c.x/"])
        #expect(try URLGlob.expand("[X-Z]") == ["X", "Y", "Z"])
        #expect(try URLGlob.expand("[a-z]").count == 26)
    }

    @Test("a step skips values")
    func steps() throws {
        #expect(try URLGlob.expand("p[1-100:25]") == ["p1", "p26", "p51", "p76"])
        #expect(try URLGlob.expand("[a-e:2]") == ["a", "c", "e"])
        #expect(try URLGlob.expand("[00-10:5]") == ["00", "05", "10"])
    }

    @Test("sets list alternatives, possibly empty")
    func sets() throws {
        #expect(try URLGlob.expand("http://{www,api}.x/") == ["http://www.x/", "http://api.x/"])
        #expect(try URLGlob.expand("http://{,www.}x/") == ["http://x/", "http://www.x/"])
    }

    @Test("several globs expand as a cartesian product, leftmost slowest")
    func product() throws {
        #expect(try URLGlob.expand("{a,b}/[1-2]/{x,y}") == [
            "a/1/x", "a/1/y", "a/2/x", "a/2/y", "b/1/x", "b/1/y", "b/2/x", "b/2/y",
        ])
    }

    @Test("backslash escapes brackets, braces and commas; other backslashes stay")
    func escapes() throws {
        #expect(try URLGlob.expand("http://a/?q=\\[1\\]&r=\\{x\\}") == ["http://a/?q=[1]&r={x}"])
        #expect(try URLGlob.expand("{a\\,b,c}") == ["a,b", "c"])
        #expect(try URLGlob.expand("a\\b") == ["a\\b"])
    }

    @Test("bracketed IPv6 hosts are left alone")
    func ipv6() throws {
        #expect(try URLGlob.expand("http://[::1]:8080/[1-2]") == ["http://[::1]:8080/1", "http://[::1]:8080/2"])
        #expect(try URLGlob.expand("http://u@[fe80::1]/") == ["http://u@[fe80::1]/"])
        #expect(try URLGlob.expand("http://[1-2]/") == ["http://1/", "http://2/"])
    }

    @Test("each malformed pattern fails with its code")
    func errors() {
        let cases: [(String, URLGlobError.Code)] = [
            ("http://a/[1-3", .unmatchedOpen),
            ("http://a/{a,b", .unmatchedOpen),
            ("http://a/1]", .unmatchedClose),
            ("http://a/}", .unmatchedClose),
            ("http://a/[]", .emptyRange),
            ("http://a/{}", .emptyRange),
            ("http://a/[9-1]", .reversedRange),
            ("http://a/[z-a]", .reversedRange),
            ("http://a/[a-9]", .mixedTypes),
            ("http://a/[a-Z]", .mixedTypes),
            ("http://a/[1-9:0]", .zeroStep),
            ("http://a/[1-9:x]", .invalidRange),
            ("http://a/[abc]", .invalidRange),
            ("http://a/[1-99999999999999999999]", .invalidRange),
            ("http://a/{a,[1-2]}", .nestedGlob),
            ("http://a/[1-{2}]", .nestedGlob),
        ]
        for (pattern, code) in cases {
            #expect(globError(pattern)?.code == code, "\(pattern)")
        }
    }

    @Test("more URLs than the limit fail before expanding")
    func limit() throws {
        #expect(globError("[1-1000000000]")?.code == .tooManyURLs)
        #expect(globError("[1-1000][1-1000][1-1000]")?.code == .tooManyURLs)
        #expect(globError("[1-10]{a,b}", limit: 19)?.code == .tooManyURLs)
        #expect(try URLGlob.expand("[1-10]{a,b}", limit: 20).count == 20)
    }

    @Test("the description is one line naming the problem and its position")
    func description() {
        let error = globError("http://x/[1-")
        #expect(error?.description == "invalid URL glob 'http://x/[1-': unmatched '[' at position 10")
        #expect(error?.position == 10)
    }
}
