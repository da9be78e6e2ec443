/// One element of a fixture page that may carry a URL, with the URL a correct crawler takes
/// from it.
struct FixtureLink {
    /// The element exactly as written into the page.
    var markup: String
    /// The absolute URL the crawler extracts from the element, after resolution and
    /// canonicalization (fragment dropped, dot segments removed, scheme lowercased); nil when the
    /// element is not one the crawler takes links from (`img`, `script`, `link rel=stylesheet`).
    /// Scheme and scope are judged later, by ``FixtureExpectations``.
    var resolved: String?

    /// `<a href="HREF">TEXT</a>`; `href` is written verbatim, so it may hold entities or spaces.
    static func a(_ href: String, _ resolved: String?, _ text: String = "link") -> FixtureLink {
        FixtureLink(markup: "<a href=\"\(href)\">\(text)</a>", resolved: resolved)
    }

    /// `<link rel="REL" href="HREF">`.
    static func link(rel: String, _ href: String, _ resolved: String?) -> FixtureLink {
        FixtureLink(markup: "<link rel=\"\(rel)\" href=\"\(href)\">", resolved: resolved)
    }

    /// Markup written verbatim.
    static func raw(_ markup: String, _ resolved: String?) -> FixtureLink {
        FixtureLink(markup: markup, resolved: resolved)
    }
}

/// A 200 HTML page of the fixture: unique `<h1>`, a meta description, and its links.
struct FixturePage {
    /// The `<h1>` text as extracted (entities decoded).
    var title: String
    /// The meta description as extracted (entities decoded).
    var description: String
    /// `<base href>`, if the page has one.
    var baseHref: String?
    /// Elements for `<head>` (after the title and meta tags).
    var head: [FixtureLink] = []
    /// Elements for `<body>` (after the `<h1>`), one per line.
    var body: [FixtureLink] = []

    var links: [FixtureLink] { head + body }

    var html: String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(Self.escape(title)) | Trawl fixture</title>\n"
        out += "<meta name=\"description\" content=\"\(Self.escape(description))\">\n"
        if let baseHref { out += "<base href=\"\(baseHref)\">\n" }
        for element in head { out += element.markup + "\n" }
        out += "</head>\n<body>\n<h1>\(Self.escape(title))</h1>\n"
        out += "<p>Deterministic fixture page for crawler tests.</p>\n"
        for element in body { out += "<p>" + element.markup + "</p>\n" }
        out += "</body>\n</html>\n"
        return out
    }

    /// Escapes text for HTML content and double-quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// What the fixture serves at one URL.
enum FixtureResource {
    /// A 200 HTML page: requested, yields one item, its links are followed.
    case page(FixturePage)
    /// A redirect; `resolved` is the absolute URL `location` resolves to.
    /// Its body holds a link that must not be followed.
    case redirect(status: Int, location: String, resolved: String)
    /// A 404 whose body links to pages that must not be requested.
    case missing(body: String)
    /// Served, but a correct crawl never requests it (only linked from places crawlers ignore).
    case trap(TestResponse)

    /// The status a request for this resource gets.
    var status: Int {
        switch self {
        case .page: 200
        case .redirect(let status, _, _): status
        case .missing: 404
        case .trap(let response): response.status
        }
    }

    /// The response the fixture's servers send.
    var response: TestResponse {
        switch self {
        case .page(let page):
            return .html(page.html)
        case .redirect(let status, let location, _):
            var response = TestResponse.html(
                "<html><body><p>Moved to <a href=\"/from-redirect-body.html\">a page no crawler "
                    + "should follow</a>.</p></body></html>\n", status: status)
            response.headers.add(name: "Location", value: location)
            return response
        case .missing(let body):
            return .html(body, status: 404)
        case .trap(let response):
            return response
        }
    }
}
