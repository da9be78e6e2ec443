import Testing
import TrawlHTTPCache

@Suite struct CacheCountersTests {
    @Test("Each event increments its own counter only", arguments: CacheCounters.Event.allCases)
    func recordsOneEvent(event: CacheCounters.Event) {
        var counters = CacheCounters()
        counters.record(event)
        counters.record(event)
        for other in CacheCounters.Event.allCases {
            #expect(counters[other] == (other == event ? 2 : 0))
        }
    }

    @Test("Merging adds every counter")
    func merges() {
        var a = CacheCounters(), b = CacheCounters()
        a.record(.servedFromCache)
        a.record(.fetched)
        b.record(.fetched)
        b.record(.revalidatedUnchanged)
        b.record(.notStored)
        b.record(.missed)
        b.record(.revalidatedChanged)
        let merged = a.merging(b)
        #expect(merged.servedFromCache == 1 && merged.fetched == 2 && merged.revalidatedUnchanged == 1)
        #expect(merged.revalidatedChanged == 1 && merged.notStored == 1 && merged.missed == 1)
        a.merge(b)
        #expect(a == merged)
        #expect(CacheCounters().merging(CacheCounters()) == CacheCounters())
    }
}
