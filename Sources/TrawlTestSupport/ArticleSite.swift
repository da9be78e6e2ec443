/// A small site of articles laid out like real ones (navigation, sidebar, cookie banner,
/// footer around an `<article>`), for content-processor tests: each page's main text is known,
/// and so are words that appear only in the boilerplate.
///
/// Routes: `/` links to every article; `/posts/first.html`, `/posts/second/` (a folder URL),
/// `/posts/caf%C3%A9?lang=fr` (unicode path and a query) and a page with a very long path.
public enum ArticleSite {
    /// One article: its path, title and the sentence that is its main text.
    public struct Article: Sendable {
        public var path: String
        public var title: String
        public var sentence: String
    }

    /// Words that appear only in navigation, sidebar, banner and footer, never in an article.
    public static let boilerplateWords = ["Subscribe", "Copyright", "cookies", "Trending"]

    public static let articles: [Article] = [
        Article(
            path: "/posts/first.html", title: "The first article",
            sentence: "Harbour seals rest on the sandbanks at low tide and hunt in the channels when the water returns."),
        Article(
            path: "/posts/second/", title: "The second article",
            sentence: "Lighthouse keepers kept a log of every ship that passed, written up by hand each evening."),
        Article(
            path: "/posts/caf%C3%A9?lang=fr", title: "Le café du port",
            sentence: "Le café du port ouvre à six heures pour les pêcheurs qui rentrent de la nuit en mer."),
        Article(
            path: "/" + String(repeating: "very-long-segment-", count: 12) + "/" + String(repeating: "x", count: 150),
            title: "A page with a long path",
            sentence: "Long paths must still give file names that every filesystem accepts without complaint."),
    ]

    /// Every route of the site.
    public static var routes: [String: TestResponse] {
        var routes: [String: TestResponse] = [
            "/": .html(page(title: "Home", body: "<h1>Home</h1><ul>" + articles.map {
                "<li><a href=\"\($0.path)\">\($0.title)</a></li>"
            }.joined() + "</ul>"))
        ]
        for article in articles {
            let paragraphs = (1...4).map { "<p>\(article.sentence) Paragraph \($0) says it again.</p>" }.joined()
            routes[article.path] = .html(page(
                title: article.title,
                body: "<article><h1>\(article.title)</h1>\(paragraphs)<p>Read the <a href=\"/\">home page</a> for more notes about the harbour and its boats.</p></article>"))
        }
        return routes
    }

    /// An article page's HTML around `body`.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(title) | Harbour Notes</title>
        <meta name="description" content="About \(title)."><meta name="author" content="Ada Shore">
        </head><body>
        <div class="cookie-consent"><p>We use cookies to measure visits. Accept or refuse them in the settings.</p></div>
        <header><nav><a href="/">Home</a> <a href="/posts/first.html">First</a></nav></header>
        <main>\(body)</main>
        <aside class="sidebar"><h3>Trending</h3><p>Subscribe to the newsletter for more harbour stories every week.</p></aside>
        <footer><p>Copyright 2026 Harbour Notes</p></footer>
        </body></html>
        """
    }
}
