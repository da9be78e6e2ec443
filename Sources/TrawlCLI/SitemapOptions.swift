import ArgumentParser
import TrawlCore
import TrawlSitemapProcessor

/// The `crawl` options that start a crawl from sitemaps.
///
/// A sitemap URL is an ordinary seed (its host joins the scope); the sitemap processor knows a
/// sitemap by its content, so the option only says where to start.
struct SitemapOptions: ParsableArguments {
    @Option(name: .customLong("sitemap"), help: ArgumentHelp("Start from this sitemap (XML or .xml.gz, a urlset or a sitemap index; repeatable).", valueName: "url"))
    var sitemaps: [String] = []

    // Off by default: a crawl of one section of a site should not turn into a crawl of every
    // page the site's sitemaps list.
    @Flag(name: .customLong("robots-sitemaps"), help: "Also crawl the sitemaps each robots.txt lists (Sitemap: lines, in scope only).")
    var robotsSitemaps = false

    @Flag(name: .customLong("sitemap-lastmod"), help: "Keep each sitemap page's <lastmod> with its URL and write it in the page's item as lastmod.")
    var lastModified = false

    /// `processors` with the sitemap processor set to carry `<lastmod>` when asked.
    func applied(to processors: [any Processor]) -> [any Processor] {
        guard lastModified else { return processors }
        return processors.map { processor in
            guard let sitemap = processor as? SitemapProcessor else { return processor }
            return SitemapProcessor(limits: sitemap.limits, lastModifiedField: "lastmod")
        }
    }
}
