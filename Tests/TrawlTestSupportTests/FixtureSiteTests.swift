import Foundation
import Testing
import TrawlTestSupport

@Suite(.timeLimit(.minutes(1)))
struct FixtureSiteTests {
    @Test func expectationsHaveTheDocumentedShape() throws {
        let site = try FixtureSite()
        defer { site.stop() }
        let a = site.hostA.baseURL, b = site.hostB.baseURL
        #expect(site.homeURL == a + "/")
        #expect(site.expectedItems.count == 64)
        #expect(site.expectedRequests.count == 72)
        #expect(Set(site.expectedStatuses.keys) == site.expectedRequests)
        #expect(Set(site.expectedItems.keys).isSubset(of: site.expectedRequests))
        #expect(site.expectedRequests.allSatisfy { $0.hasPrefix(a + "/") || $0.hasPrefix(b + "/") })
        #expect(site.expectedItems.keys.filter { $0.hasPrefix(a + "/") }.count == 38)
        for hop in ["/old", "/older", "/loop/a", "/loop/b", "/to-ftp", "/to-c", "/missing.html"] {
            #expect(site.expectedRequests.contains(a + hop) && site.expectedItems[a + hop] == nil)
        }
        #expect(site.expectedStatuses[b + "/moved"] == 301)
        #expect(site.expectedItems[b + "/landing.html"]?.title == "Landing After Redirects")
        #expect(site.expectedItems[a + "/about.html"]?.description == "Fish & chips, <tags> and \"quotes\" survive extraction.")
        #expect(site.expectedItems[a + "/list?page=5&cat=x"]?.title == "Listing Page 5")
        #expect(site.expectedItems[a + "/deep/dir/x1.html"] != nil && site.expectedItems[a + "/deep/up.html"] != nil)
        for trap in ["/from-404-body.html", "/from-redirect-body.html", "/style.css", "/img/logo.png", "/app.js"] {
            #expect(!site.expectedRequests.contains(a + trap))
        }
        let titles = site.expectedItems.values.map(\.title)
        #expect(Set(titles).count == titles.count, "every <h1> is unique")
    }

    @Test func everyExpectedURLIsServedWithItsStatusAndContent() throws {
        let site = try FixtureSite()
        defer { site.stop() }
        for url in site.expectedRequests.sorted() {
            let response = try TestHTTPClient.get(url)
            #expect(response.status == site.expectedStatuses[url], "\(url)")
            if let item = site.expectedItems[url] {
                #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
                #expect(response.bodyText.contains("<h1>\(escape(item.title))</h1>"), "\(url)")
                #expect(response.bodyText.contains("<meta name=\"description\" content=\"\(escape(item.description))\">"))
            }
            if (300..<400).contains(response.status) {
                #expect(response.headers["Location"] != nil)
            }
        }
        #expect(site.forbiddenHostRequests == 0)
        #expect(site.hostA.requestCount + site.hostB.requestCount == site.expectedRequests.count)
        #expect(Set(site.requestedURLs) == site.expectedRequests)
        site.resetLogs()
        #expect(site.requestedURLs.isEmpty)
    }

    @Test func hostCAnswersSoStrayRequestsAreCounted() throws {
        let site = try FixtureSite()
        defer { site.stop() }
        #expect(try TestHTTPClient.get(site.hostC.url("/secret.html")).status == 200)
        #expect(site.forbiddenHostRequests == 1)
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
