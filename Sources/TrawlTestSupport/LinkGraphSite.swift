/// A synthetic site of any size, generated on the fly: page `/g/N` has an `<h1>` and links to
/// pages `/g/(N×fanout+1)` … `/g/(N×fanout+fanout)`, so a breadth-first crawl of `pages` pages
/// from `/g/0` knows about `pages × fanout` URLs. For the durable frontier's memory bar (a crawl
/// that knows a million URLs) without writing a million files.
///
/// With `size`, page numbers wrap around at `size`: a crawl then knows at most `size` URLs while
/// each page still carries `fanout` links, the same parsing work as the unbounded graph.
public struct LinkGraphSite: Sendable {
    public let fanout: Int
    public let size: Int?

    public init(fanout: Int, size: Int? = nil) {
        self.fanout = fanout
        self.size = size
    }

    /// The page for `request`, or a 404.
    public func respond(_ request: TestRequest) -> TestResponse {
        let path = request.path
        guard path.hasPrefix("/g/"), let number = Int(path.dropFirst(3)), number >= 0, number < Int.max / (fanout + 1)
        else { return .html("not found", status: 404) }
        var body = "<html><head><title>page \(number)</title></head><body><h1>page \(number)</h1><p>"
        let first = number * fanout + 1
        for child in first..<(first + fanout) {
            let target = size.map { child % $0 } ?? child
            body += "<a href=\"/g/\(target)\">\(target)</a> "
        }
        body += "</p></body></html>"
        return .html(body)
    }
}
