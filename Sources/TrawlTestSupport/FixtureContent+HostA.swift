/// Host A: the home page with every link form, the nasty cases, the listing and the catalog.
extension FixtureContent {
    mutating func addHostA() {
        addPage(onA("/"), FixturePage(title: "Fixture Home", description: "Entry point of the Trawl fixture site.", head: homeHead, body: homeBody))

        addPage(onA("/about.html"), FixturePage(
            title: "About the Fixture", description: "Fish & chips, <tags> and \"quotes\" survive extraction.",
            body: [.a("/", onA("/"), "Home"), .a("catalog/", onA("/catalog/"), "Catalog")]))
        addPage(onA("/p1.html"), FixturePage(
            title: "Page One", description: "The page linked under many spellings.",
            body: [.a("p2.html", onA("/p2.html")), .a("./", onA("/"), "Home by dot-slash")]))
        addPage(onA("/p2.html"), FixturePage(
            title: "Page Two", description: "Links above the root collapse to it.",
            head: [.link(rel: "prev", "p1.html", onA("/p1.html"))],
            body: [.a("../p1.html", onA("/p1.html"), "Up past the root")]))
        addPage(onA("/UPPER.html"), FixturePage(
            title: "Upper Case Tags", description: "Reached through <A HREF>; the path keeps its case."))
        addPage(onA("/unquoted.html"), FixturePage(
            title: "Unquoted Attributes", description: "Reached through an unquoted href."))
        addPage(onA("/embedded.html"), FixturePage(
            title: "Embedded Frame", description: "Reached only through an iframe src."))
        addPage(onA("/area-target.html"), FixturePage(
            title: "Image Map Target", description: "Reached only through an area href."))

        // <base href> page: relative links resolve against /deep/dir/, not against the page.
        addPage(onA("/base-test.html"), FixturePage(
            title: "Base Element", description: "Relative links here resolve against the base href.",
            baseHref: "/deep/dir/",
            body: [
                .a("x1.html", onA("/deep/dir/x1.html")),
                .a("./x2.html", onA("/deep/dir/x2.html")),
                .a("../up.html", onA("/deep/up.html")),
                .a("/about.html", onA("/about.html")),
            ]))
        addPage(onA("/deep/dir/x1.html"), FixturePage(
            title: "Deep X1", description: "First page under the base directory.",
            body: [.a("../../base-test.html", onA("/base-test.html"), "Back to the base page")]))
        addPage(onA("/deep/dir/x2.html"), FixturePage(
            title: "Deep X2", description: "Second page under the base directory."))
        addPage(onA("/deep/up.html"), FixturePage(
            title: "Deep Up", description: "One level above the base directory."))

        // Redirects: a chain to host B, a loop, a non-http scheme, and out of scope.
        add(onA("/old"), .redirect(status: 301, location: "/older", resolved: onA("/older")))
        add(onA("/older"), .redirect(status: 302, location: onB("/landing.html"), resolved: onB("/landing.html")))
        add(onA("/loop/a"), .redirect(status: 302, location: "/loop/b", resolved: onA("/loop/b")))
        add(onA("/loop/b"), .redirect(status: 302, location: "a", resolved: onA("/loop/a")))
        add(onA("/to-ftp"), .redirect(status: 302, location: "ftp://127.0.0.1/x", resolved: "ftp://127.0.0.1/x"))
        add(onA("/to-c"), .redirect(status: 302, location: c + "/landing.html", resolved: c + "/landing.html"))
        add(onA("/missing.html"), .missing(body: "<!DOCTYPE html>\n<html><head><title>Not Found</title></head><body>"
            + "<h1>Not Found</h1><a href=\"/from-404-body.html\">links on error pages are not followed</a>"
            + "</body></html>\n"))

        // Traps: served, but only reachable through elements or responses crawlers ignore.
        let trap = FixturePage(title: "Trap", description: "A correct crawl never requests this page.")
        for target in ["/from-404-body.html", "/from-redirect-body.html", "/style.css", "/img/logo.png", "/app.js"] {
            add(onA(target), .trap(.html(trap.html)))
        }
    }

    private var homeHead: [FixtureLink] {
        [
            .link(rel: "stylesheet", "/style.css", nil),
            .link(rel: "next", "/p1.html", onA("/p1.html")),
            .link(rel: "alternate", onB("/fr/"), onB("/fr/")),
            .raw("<script src=\"/app.js\"></script>", nil),
        ]
    }

    private var homeBody: [FixtureLink] {
        [
            // Every way of writing a URL.
            .a(onA("/about.html"), onA("/about.html"), "Absolute"),
            .a("/catalog/", onA("/catalog/"), "Root-relative"),
            .a("./p1.html", onA("/p1.html"), "Dot-relative"),
            .a("  /p2.html\n  ", onA("/p2.html"), "Whitespace around the href"),
            .a("/p1.html#top", onA("/p1.html"), "Fragment"),
            .a(onA("/a/../p1.html"), onA("/p1.html"), "Dot segments"),
            .a("HTTP://127.0.0.1:\(portA)/p1.html#x", onA("/p1.html"), "Upper-case scheme"),
            .a("/list?page=1&amp;cat=x", onA("/list?page=1&cat=x"), "Listing, escaped ampersand"),
            .a("/list?page=2&cat=x", onA("/list?page=2&cat=x"), "Listing page 2, raw ampersand"),
            .a("/list?page=1&amp;cat=x#results", onA("/list?page=1&cat=x"), "Listing with fragment"),
            .a(String(b.dropFirst("http:".count)) + "/tags/swift.html", onB("/tags/swift.html"), "Scheme-relative"),
            .a(onB("/"), onB("/"), "Host B"),
            .a("/base-test.html", onA("/base-test.html"), "Base element"),
            .raw("<A HREF=\"/UPPER.html\">Upper-case tag</A>", onA("/UPPER.html")),
            .raw("<a href=/unquoted.html>Unquoted</a>", onA("/unquoted.html")),
            .raw("<iframe src=\"/embedded.html\" title=\"frame\"></iframe>", onA("/embedded.html")),
            .raw("<img src=\"/img/logo.png\" alt=\"logo\" usemap=\"#m\"><map name=\"m\">"
                + "<area shape=\"rect\" coords=\"0,0,10,10\" href=\"/area-target.html\" alt=\"area\"></map>",
                onA("/area-target.html")),
            // Links to the page itself.
            .a("", onA("/"), "Empty href"),
            .a("#main", onA("/"), "Same-page fragment"),
            .raw("<a name=\"anchor-without-href\">No href</a>", nil),
            // Redirects and errors.
            .a("/old", onA("/old"), "Redirect chain to host B"),
            .a("/loop/a", onA("/loop/a"), "Redirect loop"),
            .a("/to-ftp", onA("/to-ftp"), "Redirect to ftp"),
            .a("/to-c", onA("/to-c"), "Redirect out of scope"),
            .a("/missing.html", onA("/missing.html"), "Broken link"),
            // Never requested: other schemes and other hosts.
            .a("mailto:crawler@example.com", "mailto:crawler@example.com", "Mail"),
            .a("javascript:void(0)", "javascript:void(0)", "Script"),
            .a("tel:+15550100", "tel:+15550100", "Phone"),
            .a("data:text/html;base64,PGgxPkQ8L2gxPg==", "data:text/html;base64,PGgxPkQ8L2gxPg==", "Data"),
            .a("ftp://127.0.0.1/pub/file.txt", "ftp://127.0.0.1/pub/file.txt", "FTP"),
            .a(c + "/secret.html", c + "/secret.html", "Host C"),
            .a("http://localhost:\(portA)/p1.html", "http://localhost:\(portA)/p1.html", "Host A under another name"),
        ]
    }

    mutating func addCatalog() {
        var items: [FixtureLink] = []
        for n in 1...20 {
            let resolved = onA("/catalog/item-\(n).html")
            let href = switch n % 4 {
            case 0: "item-\(n).html"
            case 1: "./item-\(n).html"
            case 2: "/catalog/item-\(n).html"
            default: resolved
            }
            items.append(.a(href, resolved, "Item \(n)"))
        }
        addPage(onA("/catalog/"), FixturePage(title: "Catalog", description: "All twenty catalog items.", body: items))

        for n in 1...20 {
            var head: [FixtureLink] = []
            if n < 20 { head.append(.link(rel: "next", "item-\(n + 1).html", onA("/catalog/item-\(n + 1).html"))) }
            if n > 1 { head.append(.link(rel: "prev", "item-\(n - 1).html", onA("/catalog/item-\(n - 1).html"))) }
            var body: [FixtureLink] = [
                .a("../catalog/", onA("/catalog/"), "Catalog"),
                .a("../../about.html", onA("/about.html"), "About (above the root)"),
            ]
            if n == 7 { body.append(.a(onB("/blog/post-7.html"), onB("/blog/post-7.html"), "Related post")) }
            addPage(onA("/catalog/item-\(n).html"), FixturePage(
                title: "Catalog Item \(n)", description: "Details of catalog item number \(n).", head: head, body: body))
        }

        // Listing pages, each linking to the next with a different form of query link.
        let next = [
            1: FixtureLink.a("?page=2&amp;cat=x", onA("/list?page=2&cat=x"), "Next (query only)"),
            2: .a("/list?page=3&cat=x", onA("/list?page=3&cat=x"), "Next"),
            3: .a("list?page=4&amp;cat=x", onA("/list?page=4&cat=x"), "Next (relative)"),
            4: .a(onA("/list?page=5&amp;cat=x"), onA("/list?page=5&cat=x"), "Next (absolute)"),
        ]
        for page in 1...5 {
            var body = (page * 4 - 3...page * 4).map {
                FixtureLink.a("/catalog/item-\($0).html#reviews", onA("/catalog/item-\($0).html"), "Item \($0)")
            }
            if let link = next[page] { body.append(link) }
            addPage(onA("/list?page=\(page)&cat=x"), FixturePage(
                title: "Listing Page \(page)", description: "Catalog listing, page \(page) of 5.", body: body))
        }
    }
}
