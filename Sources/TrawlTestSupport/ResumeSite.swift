import Foundation

/// A site on several hosts for resume tests: each host has a home page linking to `lists`
/// listing pages, each listing `perList` articles; every article links to the next article
/// of the next host. Pages answer after `delay` seconds, every request counts toward the
/// current trigger, and every page has an `<h1>` naming it, so a crawl that extracts
/// `title=//h1` writes one item per page.
///
/// Thread-safe: the trigger can be swapped between runs while the servers keep their logs.
public final class ResumeSite: Sendable {
    public let servers: [TestHTTPServer]
    public let lists: Int
    public let perList: Int
    private let trigger = LockedBox<InterruptTrigger?>(nil)

    /// Starts one server per address in `hosts` (127.0.0.x).
    public init(hosts: [String] = ["127.0.0.1", "127.0.0.2", "127.0.0.3"], lists: Int = 9, perList: Int = 20, delay: Double = 0.01) throws {
        self.lists = lists
        self.perList = perList
        var servers: [TestHTTPServer] = []
        let box = trigger
        let bases = LockedBox<[String]>([])
        for host in hosts {
            let index = servers.count
            servers.append(
                try TestHTTPServer(host: host) { request in
                    defer { box.value?.requestServed() }
                    return Self.page(request.path, host: index, name: host, bases: bases.value, lists: lists, perList: perList)
                        .delayed(by: request.path == "/robots.txt" ? 0 : delay)
                })
        }
        bases.value = servers.map(\.baseURL)
        self.servers = servers
    }

    /// Makes `trigger` count the requests from now on (nil: none).
    public func arm(_ trigger: InterruptTrigger?) {
        self.trigger.value = trigger
    }

    /// The home page of the first host, the crawl's seed.
    public var seed: String { servers[0].url("/") }

    /// Every page URL a complete crawl visits, with the title its item carries.
    public var expectedTitles: [String: String] {
        var result: [String: String] = [:]
        for server in servers {
            result[server.url("/")] = "home \(server.host)"
            for list in 0..<lists {
                result[server.url("/list/\(list)")] = "list \(list) \(server.host)"
                for item in 0..<perList {
                    result[server.url("/a/\(list * perList + item)")] = "article \(list * perList + item) \(server.host)"
                }
            }
        }
        return result
    }

    /// Page requests (not robots.txt) over every server, as full URLs, in no particular order.
    public var pageRequests: [String] {
        servers.flatMap { server in
            server.requestLog.filter { $0.target != "/robots.txt" }.map { server.url($0.target) }
        }
    }

    /// How many requests each server has logged, to pass to ``pageRequests(since:)`` later.
    public var logMarks: [Int] { servers.map(\.requestLog.count) }

    /// Page requests logged after `marks` (from ``logMarks``), as full URLs.
    public func pageRequests(since marks: [Int]) -> [String] {
        zip(servers, marks).flatMap { server, mark in
            server.requestLog.dropFirst(mark).filter { $0.target != "/robots.txt" }.map { server.url($0.target) }
        }
    }

    public func stop() {
        for server in servers { server.stop() }
    }

    private static func page(
        _ path: String, host: Int, name: String, bases: [String], lists: Int, perList: Int
    ) -> TestResponse {
        let base = bases[host]
        if path == "/robots.txt" { return .html("not found", status: 404) }
        if path == "/" {
            let links = (0..<lists).map { "<a href=\"/list/\($0)\">list</a>" }.joined()
            let away = bases.map { "<a href=\"\($0)/\">home</a>" }.joined()
            return .html("<html><body><h1>home \(name)</h1>\(links)\(away)</body></html>")
        }
        if path.hasPrefix("/list/"), let list = Int(path.dropFirst(6)), list < lists {
            let links = (0..<perList).map { "<a href=\"/a/\(list * perList + $0)\">a</a>" }.joined()
            return .html("<html><body><h1>list \(list) \(name)</h1>\(links)</body></html>")
        }
        if path.hasPrefix("/a/"), let article = Int(path.dropFirst(3)), article < lists * perList {
            let next = bases[(host + 1) % bases.count] + "/a/\((article + 1) % (lists * perList))"
            return .html("<html><body><h1>article \(article) \(name)</h1><a href=\"\(next)\">next</a><a href=\"\(base)/\">home</a></body></html>")
        }
        return .html("not found", status: 404)
    }
}
