/// What a correct crawl of ``FixtureContent`` requests and extracts, found by running the
/// crawl rules over the content's declared links (no network, no HTML parsing).
///
/// The rules, as the engine implements them: each canonical URL is requested at most once;
/// only http(s) URLs on the in-scope hosts are requested; redirects are followed hop by hop
/// (at most ``maxRedirectHops``), stopping at an already-requested URL, another scheme or an
/// out-of-scope host; non-2xx responses yield no links and no item; every 200 page yields one
/// item and its links.
struct FixtureExpectations {
    /// Redirect hops followed from one requested URL before giving up.
    static let maxRedirectHops = 10

    private(set) var requests: Set<String> = []
    private(set) var statuses: [String: Int] = [:]
    private(set) var items: [String: (title: String, description: String)] = [:]

    init(content: FixtureContent, seed: String, scopeHosts: Set<String>) {
        var queue = [seed]
        var next = 0
        func inScope(_ url: String) -> Bool {
            guard let host = Self.host(of: url) else { return false }
            return scopeHosts.contains(host)
        }
        while next < queue.count {
            var url = queue[next]
            next += 1
            guard inScope(url), !requests.contains(url) else { continue }
            var hops = 0
            while true {
                requests.insert(url)
                let resource = content.resources[url] ?? .missing(body: "")
                statuses[url] = resource.status
                guard case .redirect(_, _, let target) = resource else {
                    if case .page(let page) = resource {
                        items[url] = (page.title, page.description)
                        queue += page.links.compactMap(\.resolved)
                    }
                    break
                }
                hops += 1
                guard hops <= Self.maxRedirectHops, inScope(target), !requests.contains(target) else { break }
                url = target
            }
        }
    }

    /// The host of an absolute http(s) URL; nil for other schemes.
    static func host(of url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        let afterScheme = url[url.index(url.firstIndex(of: ":") ?? url.startIndex, offsetBy: 3)...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return String(authority.split(separator: ":").first ?? "").lowercased()
    }
}
