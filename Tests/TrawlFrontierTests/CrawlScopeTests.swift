import Testing
import TrawlFrontier
import TrawlURL

@Suite struct CrawlScopeTests {
    private func scope(domains: [String], hosts: [String] = []) throws -> CrawlScope {
        var scope = CrawlScope(allowedHosts: hosts)
        for domain in domains { try scope.allow(domain: domain) }
        return scope
    }

    private func contains(_ scope: CrawlScope, _ string: String) throws -> Bool {
        scope.contains(try WebURL(string))
    }

    @Test("an allowed domain admits itself and its subdomains at any depth")
    func domainAndSubdomains() throws {
        let scope = try scope(domains: ["example.com"])
        #expect(try contains(scope, "https://example.com/"))
        #expect(try contains(scope, "http://www.example.com/a"))
        #expect(try contains(scope, "https://a.b.c.example.com:8443/x"))
    }

    @Test("a domain matches on a label boundary only")
    func labelBoundary() throws {
        let scope = try scope(domains: ["example.com"])
        #expect(try !contains(scope, "https://badexample.com/"))
        #expect(try !contains(scope, "https://example.com.evil.net/"))
        #expect(try !contains(scope, "https://com/"))
        #expect(try !contains(scope, "https://xample.com/"))
    }

    @Test("a subdomain allows its own subtree, not its parent or siblings")
    func subdomainOnly() throws {
        let scope = try scope(domains: ["docs.example.com"])
        #expect(try contains(scope, "https://v2.docs.example.com/"))
        #expect(try !contains(scope, "https://example.com/"))
        #expect(try !contains(scope, "https://www.example.com/"))
    }

    @Test("domain input is case-insensitive, trimmed, and may carry a leading or trailing dot")
    func domainInputNormalized() throws {
        for input in ["EXAMPLE.Com", "  example.com\t", ".example.com", "example.com."] {
            let scope = try scope(domains: [input])
            #expect(scope.allowedDomains == ["example.com"], "\(input)")
            #expect(try contains(scope, "https://WWW.Example.COM/"), "\(input)")
        }
    }

    @Test("a fully qualified host with a trailing dot is inside its domain")
    func trailingDotHost() throws {
        let scope = try scope(domains: ["example.com"])
        #expect(try contains(scope, "https://www.example.com./"))
    }

    @Test("an internationalized domain is normalized to Punycode like hosts")
    func internationalizedDomain() throws {
        let scope = try scope(domains: ["Bücher.example"])
        #expect(scope.allowedDomains == ["xn--bcher-kva.example"])
        #expect(try contains(scope, "https://www.bücher.example/"))
        #expect(try contains(scope, "https://shop.xn--bcher-kva.example/"))
        #expect(try !contains(scope, "https://bucher.example/"))
    }

    @Test("IP literals given as domains are allowed exactly")
    func ipLiteralsExact() throws {
        let scope = try scope(domains: ["127.0.0.2", "[::1]"])
        #expect(scope.allowedDomains.isEmpty)
        #expect(scope.allowedHosts == ["127.0.0.2", "[::1]"])
        #expect(try contains(scope, "http://127.0.0.2:8080/"))
        #expect(try contains(scope, "http://[0:0::1]/"))
        #expect(try !contains(scope, "http://127.0.0.3/"))
    }

    @Test("an IPv4 address in another notation is normalized before it is allowed")
    func ipv4Normalized() throws {
        let scope = try scope(domains: ["0x7f.1"])
        #expect(scope.allowedHosts == ["127.0.0.1"])
        #expect(try contains(scope, "http://127.0.0.1/"))
    }

    @Test("a domain with a port, path, credentials or bad characters is an error naming the flag")
    func invalidDomains() {
        var scope = CrawlScope(allowedHosts: [])
        for input in ["", " ", "example.com:80", "[::1]:80", "example.com/path", "user@example.com", "exa mple.com", "a?b", "."] {
            #expect(throws: LinkRulesError.self, "\(input)") { try scope.allow(domain: input) }
        }
        do {
            try scope.allow(domain: "example.com/x")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidDomain)
            #expect(error.description == "invalid --allow-domain 'example.com/x': expected a domain name or IP address")
        }
    }

    @Test("a wildcard domain is refused with a hint instead of matching nothing")
    func wildcardRefused() {
        var scope = CrawlScope(allowedHosts: [])
        #expect(
            throws: LinkRulesError(
                .invalidDomain, "invalid --allow-domain '*.example.com': no wildcards; a domain already includes its subdomains")
        ) {
            try scope.allow(domain: "*.example.com")
        }
        #expect(scope.allowedDomains.isEmpty)
    }

    @Test("domains widen the host allow-list and still admit only http(s)")
    func domainsWithHosts() throws {
        let scope = try scope(domains: ["example.com"], hosts: ["other.org"])
        #expect(try contains(scope, "https://other.org/"))
        #expect(try !contains(scope, "https://www.other.org/"))
        #expect(try !contains(scope, "ftp://www.example.com/"))
        #expect(try !contains(scope, "mailto:someone@example.com"))
    }
}
