import Testing
import TrawlCore
import TrawlHTTPCache

@Suite struct CacheControlTests {
    @Test(
        "max-age is read as delta-seconds; invalid or conflicting values read as 0",
        arguments: [
            ("max-age=60", 60), ("MAX-AGE=60", 60), ("max-age=\"60\"", 60), (" max-age = 60 ", 60),
            ("public, max-age=60, immutable", 60), ("max-age=60, max-age=60", 60),
            ("max-age=abc", 0), ("max-age=-1", 0), ("max-age=", 0), ("max-age", 0), ("max-age=1.5", 0),
            ("max-age=60, max-age=120", 0), ("max-age=99999999999999999999", CacheControl.maximumDeltaSeconds),
        ] as [(String, Int)])
    func maxAge(value: String, seconds: Int) {
        #expect(CacheControl(value).maxAge == seconds)
    }

    @Test("Absent numeric directives are nil and s-maxage is kept apart from max-age")
    func absentDirectives() {
        let control = CacheControl("s-maxage=600")
        #expect(control.maxAge == nil)
        #expect(control.sharedMaxAge == 600)
        #expect(control.minFresh == nil)
        #expect(control.maxStale == nil)
        #expect(CacheControl("").directives.isEmpty)
    }

    @Test("Commas inside a quoted argument do not split directives")
    func quotedFieldNames() {
        let control = CacheControl(#"no-cache="Set-Cookie, X-Token", private, must-revalidate"#)
        #expect(control.noCache)
        #expect(control.noCacheFieldNames == ["set-cookie", "x-token"])
        #expect(control.isPrivate)
        #expect(control.mustRevalidate)
        #expect(!control.noStore)
        #expect(control.directives.count == 3)
    }

    @Test("Every Cache-Control line of a header block counts")
    func severalLines() {
        let headers: HTTPHeaders = [("Cache-Control", "public"), ("cache-control", "max-age=30, no-store")]
        let control = CacheControl(headers: headers)
        #expect(control.isPublic && control.noStore && control.maxAge == 30)
    }

    @Test("max-stale without argument accepts any staleness; with one, that many seconds")
    func maxStale() {
        #expect(CacheControl("max-stale").maxStale == CacheControl.maximumDeltaSeconds)
        #expect(CacheControl("max-stale=30").maxStale == 30)
        #expect(CacheControl("min-fresh=20, only-if-cached").minFresh == 20)
        #expect(CacheControl("only-if-cached").onlyIfCached)
    }
}
