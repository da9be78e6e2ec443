/// Everything the fixture's three hosts serve, keyed by absolute URL, written so that each
/// link states the URL a correct crawler resolves it to.
///
/// Host A holds the link-form catalogue and the nasty cases, host B a blog, host C (out of
/// scope) only pages that must never be requested.
struct FixtureContent {
    /// `http://127.0.0.1:PORT` for host A (and likewise B and C).
    let a: String
    let b: String
    let c: String
    /// Host A's port, for links that name it under another spelling of the host.
    let portA: Int
    private(set) var resources: [String: FixtureResource] = [:]

    init(a: TestHTTPServer, b: TestHTTPServer, c: TestHTTPServer) {
        self.a = a.baseURL
        self.b = b.baseURL
        self.c = c.baseURL
        portA = a.port
        addHostA()
        addCatalog()
        addHostB()
        addHostC()
    }

    /// The absolute URL of `target` on host A.
    func onA(_ target: String) -> String { a + target }
    /// The absolute URL of `target` on host B.
    func onB(_ target: String) -> String { b + target }

    mutating func add(_ url: String, _ resource: FixtureResource) {
        precondition(resources[url] == nil, "fixture URL defined twice: \(url)")
        resources[url] = resource
    }

    mutating func addPage(_ url: String, _ page: FixturePage) {
        add(url, .page(page))
    }

    /// The routes of the server whose base URL is `base`, keyed by target.
    func routes(for base: String) -> [String: TestResponse] {
        var routes: [String: TestResponse] = [:]
        for (url, resource) in resources where url.hasPrefix(base + "/") {
            routes[String(url.dropFirst(base.count))] = resource.response
        }
        return routes
    }

    // MARK: Host C

    private mutating func addHostC() {
        let forbidden = FixturePage(
            title: "Out of Scope", description: "Host C is never in scope; no crawl may request it.")
        add(c + "/secret.html", .trap(.html(forbidden.html)))
        add(c + "/landing.html", .trap(.html(forbidden.html)))
    }

    // MARK: Host B

    private static let topics = ["swift", "crawling", "http"]

    private mutating func addHostB() {
        var homeLinks: [FixtureLink] = []
        for n in 1...20 {
            let resolved = onB("/blog/post-\(n).html")
            let href = switch n % 4 {
            case 0: "blog/post-\(n).html"
            case 1: "/blog/post-\(n).html"
            case 2: "./blog/post-\(n).html"
            default: resolved
            }
            homeLinks.append(.a(href, resolved, "Post \(n)"))
        }
        homeLinks += [
            .a("/moved", onB("/moved"), "Moved post"),
            .a(onA("/"), onA("/"), "Back to host A"),
            .a(onA("/about.html#team"), onA("/about.html"), "About, team section"),
            .a(c + "/secret.html", c + "/secret.html", "Host C"),
        ]
        addPage(
            onB("/"),
            FixturePage(
                title: "Blog Home", description: "Posts on host B, which the crawl allows.",
                head: [.link(rel: "alternate", "/fr/", onB("/fr/"))], body: homeLinks))

        addPage(
            onB("/fr/"),
            FixturePage(
                title: "Le Blog en Français", description: "Articles « en français », café compris.",
                body: [.a("../", onB("/"), "Accueil"), .a("/landing.html", onB("/landing.html"))]))

        for n in 1...20 {
            let topic = Self.topics[n % 3]
            var links: [FixtureLink] = [
                .a("../", onB("/"), "Blog home"),
                .a("/tags/\(topic).html", onB("/tags/\(topic).html"), "Tag \(topic)"),
            ]
            if n < 20 {
                links.append(.a("post-\(n + 1).html", onB("/blog/post-\(n + 1).html"), "Next post"))
            } else {
                links.append(.a("../blog/post-1.html#comments", onB("/blog/post-1.html"), "First post"))
            }
            addPage(
                onB("/blog/post-\(n).html"),
                FixturePage(
                    title: "Post \(n): notes on \(topic)",
                    description: "Blog post number \(n), about \(topic).", body: links))
        }

        for topic in Self.topics {
            let posts = (1...20).filter { Self.topics[$0 % 3] == topic }
            addPage(
                onB("/tags/\(topic).html"),
                FixturePage(
                    title: "Tag: \(topic)", description: "Every post tagged \(topic).",
                    body: posts.map { .a("../blog/post-\($0).html", onB("/blog/post-\($0).html")) }))
        }

        addPage(
            onB("/landing.html"),
            FixturePage(
                title: "Landing After Redirects",
                description: "Reached from host A through /old and /older.",
                body: [.a("/fr/#haut", onB("/fr/"), "French")]))
        add(onB("/moved"), .redirect(status: 301, location: "/blog/post-1.html", resolved: onB("/blog/post-1.html")))
    }
}
