/// A catalogue of broken HTML pages, each with the links a browser finds in it, for tests that
/// the parser and the link walk lose nothing: every page has a link before the damage, in it
/// and after it.
public enum MalformedHTML {
    /// One broken page: its path on the test server, its raw bytes and its links' paths in
    /// document order.
    public struct Case: Sendable {
        public let path: String
        public let body: [UInt8]
        public let links: [String]
        /// The charset the server declares in `Content-Type`.
        public var charset = "utf-8"
    }

    /// How deep ``deeplyNested`` nests its `div`s: far past libxml2's default cap of 256.
    public static let nestingDepth = 10_000

    public static let cases: [Case] = [unclosedTags, invalidUTF8, invalidShiftJIS, nulInText, nulInAttribute, deeplyNested]

    /// Unclosed `p`, `div`, `a` and `li` elements and a stray end tag.
    public static let unclosedTags = Case(
        path: "/unclosed",
        body: Array(
            ("<html><body><div><p>one <a href=\"/u/1\">first<p>two <a href=\"/u/2\">second"
                + "<ul><li><a href=\"/u/3\">third<li>four</span></div><div><a href=\"/u/4\">fourth")
                .utf8),
        links: ["/u/1", "/u/2", "/u/3", "/u/4"])

    /// Bytes that are not UTF-8 on a page declared as UTF-8: a lone continuation byte, a
    /// truncated sequence, `FF`, and an overlong encoding, in text and in an attribute.
    public static let invalidUTF8 = Case(
        path: "/invalid-utf8",
        body: Array("<html><body><a href=\"/i/1\">one</a><p>".utf8) + [0x80, 0xE2, 0x82, 0xFF, 0xC0, 0xAF]
            + Array("</p><a title=\"".utf8) + [0xFE, 0xC3] + Array("\" href=\"/i/2\">two</a><a href=\"/i/3\">".utf8),
        links: ["/i/1", "/i/2", "/i/3"])

    /// A Shift_JIS page with a lead byte followed by `<`, which the converter rejects: libxml2
    /// alone would end the page there.
    public static let invalidShiftJIS = Case(
        path: "/invalid-shift-jis",
        body: Array("<html><body><a href=\"/s/1\">one</a><p>".utf8) + [0x81]
            + Array("</p><a href=\"/s/2\">two</a></body></html>".utf8),
        links: ["/s/1", "/s/2"], charset: "shift_jis")

    /// A NUL byte at the start of a text node: libxml2 alone would end the page there.
    public static let nulInText = Case(
        path: "/nul-text",
        body: Array("<html><body><a href=\"/n/1\">one</a><p>".utf8) + [0]
            + Array("after the NUL</p><a href=\"/n/2\">two</a></body></html>".utf8),
        links: ["/n/1", "/n/2"])

    /// A NUL byte inside an attribute value; browsers read it as U+FFFD.
    public static let nulInAttribute = Case(
        path: "/nul-attribute",
        body: Array("<html><body><a href=\"/a/1\">one</a><a title=\"x".utf8) + [0]
            + Array("y\" href=\"/a/2\">two</a><a href=\"/a/3\">three</a></body></html>".utf8),
        links: ["/a/1", "/a/2", "/a/3"])

    /// ``nestingDepth`` nested `div`s with a link before them, one at the bottom and one after
    /// them.
    public static let deeplyNested = Case(
        path: "/deep",
        body: Array(
            ("<html><body><a href=\"/d/before\">before</a>"
                + String(repeating: "<div>", count: nestingDepth) + "<a href=\"/d/inside\">inside</a>"
                + String(repeating: "</div>", count: nestingDepth)
                + "<a href=\"/d/after\">after</a></body></html>").utf8),
        links: ["/d/before", "/d/inside", "/d/after"])

    /// Every case at its path, served as `text/html; charset=utf-8`, and a start page linking
    /// to each of them at `/`; the cases' links lead to small pages.
    public static var routes: [String: TestResponse] {
        var routes: [String: TestResponse] = [
            "/": .html("<html><body>" + cases.map { "<a href=\"\($0.path)\">x</a>" }.joined() + "</body></html>")
        ]
        for page in cases {
            routes[page.path] = TestResponse(
                headers: [("Content-Type", "text/html; charset=\(page.charset)")], body: page.body)
            for link in page.links { routes[link] = .html("<html><body><h1>\(link)</h1></body></html>") }
        }
        return routes
    }
}
