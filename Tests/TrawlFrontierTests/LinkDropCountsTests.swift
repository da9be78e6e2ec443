import Testing
import TrawlFrontier

@Suite struct LinkDropCountsTests {
    @Test("drops are counted per reason and merged by adding")
    func countsAndMerges() {
        var a = LinkDropCounts()
        a.record(.trap)
        a.record(.trap)
        a.record(.admit(canonical: "http://a/", hostKey: "a"))
        var b = LinkDropCounts()
        b.record(.drop(.outOfScope))
        b.record(.trap, count: 3)
        a.merge(b)
        #expect(a[.trap] == 5)
        #expect(a[.outOfScope] == 1)
        #expect(a[.tooLong] == 0)
        #expect(a.total == 6)
        #expect(a.nonZero.map(\.reason) == [.outOfScope, .trap])
        #expect(a.nonZero.map(\.count) == [1, 5])
    }

    @Test("recording nothing leaves the counts equal to empty ones")
    func zeroIsNothing() {
        var counts = LinkDropCounts()
        counts.record(.excluded, count: 0)
        counts.merge(LinkDropCounts())
        #expect(counts == LinkDropCounts())
        #expect(counts.isEmpty)
    }

    @Test("reasons carry stable summary labels")
    func labels() {
        #expect(LinkDropReason.allCases.map(\.rawValue) == ["out-of-scope", "too-long", "trap", "excluded", "too-deep", "host-page-budget", "robots"])
        #expect("\(LinkDropReason.tooLong)" == "too-long")
    }
}
