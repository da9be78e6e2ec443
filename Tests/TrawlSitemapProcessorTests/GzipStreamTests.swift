import Testing
import TrawlTestSupport

@testable import TrawlSitemapProcessor

@Suite
struct GzipStreamTests {
    @Test("60 MB of zeros inflate to exactly the 50 MB bound, and the cut is reported")
    func boundedInflate() throws {
        let body = GzipEncoder.compress([.repeated([0], count: 60 * 1024 * 1024)])
        var output: [UInt8] = []
        let limit = SitemapLimits.sitemapProtocol.maxBytes
        let truncated = try GzipStream().inflate(body, into: &output, limit: limit)
        #expect(truncated)
        #expect(output.count == limit)
        #expect(output.first == 0 && output.last == 0)
    }

    @Test("concatenated gzip members inflate one after another")
    func concatenatedMembers() throws {
        let body = GzipEncoder.compress("first ") + GzipEncoder.compress("second")
        var output: [UInt8] = []
        #expect(try GzipStream().inflate(body, into: &output, limit: 1000) == false)
        #expect(String(decoding: output, as: UTF8.self) == "first second")
    }

    @Test("gzip data cut off before its end is an error")
    func cutOff() throws {
        let body = Array(GzipEncoder.compress(String(repeating: "abc", count: 100)).dropLast(8))
        var output: [UInt8] = []
        #expect(throws: SitemapError.self) { try GzipStream().inflate(body, into: &output, limit: 1000) }
    }
}
