import Testing
import TrawlCore
import TrawlFrontier
import TrawlRobots

/// robots.txt gating, redirects, budgets and the end of the crawl, driven with a fake time.
@Suite struct FrontierStateRobotsTests {
    /// robots.txt obeyed, no adaptive throttle, one retry with a 1 s backoff bound.
    private static let policy = SchedulerPolicy(adaptive: false, retry: RetryPolicy(maxRetries: 1, base: 1))
    private static let robotsA = CrawlTask.robots(origin: "http://a", hostKey: "a")

    private static func state(_ limits: FrontierLimits = FrontierLimits(), policy: SchedulerPolicy = policy)
        -> FrontierState
    {
        FrontierState(limits: limits, policy: policy)
    }

    @Test("the robots.txt task comes first for each origin, and the pages wait for it")
    func robotsFirst() {
        var state = Self.state()
        let added = state.add(.page("p0"))
        #expect(added == .queued)
        state.add(.page("p1"))
        let first = state.next(at: .zero)
        #expect(first == Self.robotsA)
        #expect(first?.kind == .robots)
        let waiting = state.nextTask(now: .s(100))
        #expect(waiting == .none, "no page goes before its robots.txt is known")
        #expect(state.queuedCount == 2, "waiting pages count as queued")
        #expect(state.dispatchedCount == 0, "robots.txt is not a page")
        #expect(!state.isFinished)
    }

    @Test("once robots.txt allows them, the waiting pages are handed out in order")
    func pagesAfterRobots() {
        var state = Self.state()
        state.add(.page("p0"))
        state.add(.page("p1"))
        guard let robots = state.next(at: .zero) else { Issue.record("no robots task"); return }
        let records = state.complete(robots, outcome: .robots("User-agent: *\nDisallow: /private\n"), now: .zero)
        #expect(records.isEmpty)
        #expect(state.completedCount == 0, "robots.txt is not a completed page")
        let pages = state.drain(at: .zero)
        #expect(pages == [.page("p0"), .page("p1")])
    }

    @Test("pages robots.txt forbids come back as records naming the rule, never handed out")
    func blockedPages() {
        var state = Self.state()
        state.add(.page("private/x"))
        state.add(.page("public"))
        state.add(.page("private/y"))
        guard let robots = state.next(at: .zero) else { Issue.record("no robots task"); return }
        let records = state.complete(
            robots, outcome: .robots("User-agent: *\nAllow: /\nDisallow: /private/\n"), now: .zero)
        #expect(records.map(\.task) == [.page("private/x"), .page("private/y")])
        #expect(records.allSatisfy { $0.reason.code == .blockedByRobots && $0.attempts == 0 })
        #expect(records.first?.reason.detail == "line 3: Disallow: /private/")
        #expect(state.drops[.robots] == 2)
        #expect(state.queuedCount == 1)
        let pages = state.drain(at: .zero)
        #expect(pages == [.page("public")])
    }

    @Test("a link to an origin whose robots.txt is known is checked when it is added")
    func checkedAtAdd() {
        var state = Self.state()
        state.add(.page("p0"))
        guard let robots = state.next(at: .zero) else { Issue.record("no robots task"); return }
        state.complete(robots, outcome: .robots("User-agent: Trawl\nDisallow: /cgi-bin\n"), now: .zero)
        let blocked = state.add(.page("cgi-bin/search?q=1", depth: 1))
        guard case .recorded(let record) = blocked else { Issue.record("not recorded: \(blocked)"); return }
        #expect(record.reason == FailureReason(.blockedByRobots, "line 2: Disallow: /cgi-bin"))
        #expect(state.isKnown("http://a/cgi-bin/search?q=1"))
        let allowed = state.add(.page("about", depth: 1))
        #expect(allowed == .queued)
        let pages = state.drain(at: .zero)
        #expect(pages == [.page("p0"), .page("about", depth: 1)], "no second robots.txt task")
    }

    @Test("every origin of a host has its own robots.txt")
    func robotsPerOrigin() {
        var state = Self.state()
        state.add(CrawlTask(url: "http://a/x", hostKey: "a", depth: 0))
        state.add(CrawlTask(url: "https://a/x", hostKey: "a", depth: 0))
        state.add(CrawlTask(url: "http://a:8080/x", hostKey: "a", depth: 0))
        let tasks = state.drain(at: .zero)
        #expect(Set(tasks.map(\.url)) == ["http://a/robots.txt", "https://a/robots.txt", "http://a:8080/robots.txt"])
        #expect(tasks.allSatisfy { $0.kind == .robots })
        #expect(state.queuedCount == 3)
    }

    @Test("a robots.txt transient failure is retried while the pages keep waiting")
    func robotsRetried() {
        var state = Self.state()
        state.add(.page("p0"))
        guard let robots = state.next(at: .zero) else { Issue.record("no robots task"); return }
        let records = state.complete(robots, outcome: .unavailable(retryAfter: 2), now: .zero)
        #expect(records.isEmpty)
        #expect(state.queuedCount == 1)
        let early = state.nextTask(now: .s(1))
        #expect(early == .wait(until: .s(2)))
        let again = state.next(at: .s(2))
        #expect(again == Self.robotsA)
        #expect(again?.attempt == 1)
        if let again { state.complete(again, outcome: .robots(""), now: .s(2.5)) }
        let page = state.next(at: .s(2.5))
        #expect(page == .page("p0"))
    }

    @Test("when robots.txt keeps failing, every waiting page of the origin fails as robots-unavailable")
    func robotsUnavailable() {
        var state = Self.state()
        state.add(.page("p0"))
        state.add(.page("p1"))
        state.add(.page("p0", host: "b"))
        var now = Duration.zero
        var records: [FrontierRecord] = []
        for _ in 0..<2 {
            let tasks = state.drain(at: now)
            for task in tasks where task.kind == .robots && task.hostKey == "a" {
                records = state.complete(task, outcome: .unavailable(retryAfter: 1), now: now)
            }
            now += .s(1)
        }
        #expect(records.map(\.task) == [.page("p0"), .page("p1")])
        #expect(records.allSatisfy { $0.reason.code == .robotsUnavailable })
        #expect(records.first?.reason.detail.hasPrefix("http://a/robots.txt") == true)
        #expect(state.queuedCount == 1, "host b's page still waits for its own robots.txt")
        let later = state.add(.page("p2", depth: 1))
        guard case .recorded(let record) = later else { Issue.record("not recorded: \(later)"); return }
        #expect(record.reason.code == .robotsUnavailable)
        #expect(record.attempts == 0)
    }

    @Test("finished once robots.txt failed for good and nothing else waits")
    func finishedAfterRobotsFailure() {
        var state = Self.state(policy: SchedulerPolicy(adaptive: false, retry: RetryPolicy(maxRetries: 0)))
        state.add(.page("p0"))
        guard let robots = state.next(at: .zero) else { Issue.record("no robots task"); return }
        #expect(!state.isFinished)
        let records = state.complete(robots, outcome: .unavailable(), now: .zero)
        #expect(records.count == 1)
        #expect(state.isFinished)
    }

    @Test("sitemaps named by robots.txt are kept by origin")
    func sitemapsKept() {
        var state = Self.state()
        state.add(.page("p0"))
        guard let robots = state.next(at: .zero) else { Issue.record("no robots task"); return }
        state.complete(robots, outcome: .robots("", sitemaps: ["http://a/sitemap.xml"]), now: .zero)
        #expect(state.sitemaps == ["http://a": ["http://a/sitemap.xml"]])
    }

    @Test("with robots.txt off, pages go out at once")
    func robotsOff() {
        var state = Self.state(policy: .plain)
        state.add(.page("p0"))
        let first = state.next(at: .zero)
        #expect(first == .page("p0"))
        #expect(first?.kind == .page)
    }

    // MARK: - Redirects

    @Test("a redirect to a new URL of a known, allowing origin is followed by the task")
    func redirectFollow() {
        var state = Self.knownOrigin()
        let claim = state.claimRedirect(.page("new"))
        #expect(claim == .follow)
        #expect(state.isKnown("http://a/new"))
        let again = state.add(.page("new"))
        #expect(again == .duplicate)
    }

    @Test("a redirect to a URL already known ends the redirecting task")
    func redirectAlreadyKnown() {
        var state = Self.knownOrigin()
        state.add(.page("queued"))
        let claim = state.claimRedirect(.page("queued"))
        #expect(claim == .alreadyKnown)
    }

    @Test("a redirect to an origin with no robots.txt yet is queued behind that robots.txt")
    func redirectQueued() {
        var state = Self.knownOrigin()
        let claim = state.claimRedirect(.page("landing", host: "b"))
        #expect(claim == .queued)
        let tasks = state.drain(at: .zero)
        #expect(tasks == [.robots(origin: "http://b", hostKey: "b")])
        let same = state.claimRedirect(.page("landing", host: "b"))
        #expect(same == .alreadyKnown)
    }

    @Test("a redirect to a page robots.txt forbids is recorded, not followed")
    func redirectRecorded() {
        var state = Self.knownOrigin()
        let claim = state.claimRedirect(.page("private/a"))
        guard case .recorded(let record) = claim else { Issue.record("not recorded: \(claim)"); return }
        #expect(record.reason.code == .blockedByRobots)
        #expect(record.task == .page("private/a"))
    }

    @Test("a redirect to an origin whose robots.txt failed is recorded as robots-unavailable")
    func redirectUnavailable() {
        var state = Self.state(policy: SchedulerPolicy(adaptive: false, retry: RetryPolicy(maxRetries: 0)))
        state.add(.page("p0", host: "b"))
        guard let robots = state.next(at: .zero) else { Issue.record("no robots task"); return }
        state.complete(robots, outcome: .unavailable(), now: .zero)
        let claim = state.claimRedirect(.page("p1", host: "b"))
        guard case .recorded(let record) = claim else { Issue.record("not recorded: \(claim)"); return }
        #expect(record.reason.code == .robotsUnavailable)
    }

    @Test("with robots.txt off, a redirect target is claimed once")
    func redirectWithoutRobots() {
        var state = Self.state(policy: .plain)
        let first = state.claimRedirect(.page("x", host: "z"))
        #expect(first == .follow)
        let second = state.claimRedirect(.page("x", host: "z"))
        #expect(second == .alreadyKnown)
    }

    /// A state where host a's robots.txt (`Disallow: /private/`) is known and p0 is in flight.
    private static func knownOrigin() -> FrontierState {
        var state = Self.state()
        state.add(.page("p0"))
        if let robots = state.next(at: .zero) {
            state.complete(robots, outcome: .robots("User-agent: *\nDisallow: /private/\n"), now: .zero)
        }
        _ = state.next(at: .zero)
        return state
    }

    // MARK: - Budgets

    @Test("max-pages-per-host stops queueing a host's pages at its budget, other hosts unaffected")
    func hostBudget() {
        var policy = SchedulerPolicy.plain
        policy.maxPagesPerHost = 2
        var state = Self.state(policy: policy)
        let results = (0..<3).map { state.add(.page("p\($0)")) }
        #expect(results == [.queued, .queued, .overHostBudget])
        #expect(state.drops[.hostPageBudget] == 1)
        let other = state.add(.page("p0", host: "b"))
        #expect(other == .queued)
        let handed = state.drain(at: .zero)
        #expect(handed.count == 3)
    }

    @Test("pages waiting for robots.txt count toward the host budget, blocked ones do not")
    func hostBudgetWithRobots() {
        var policy = Self.policy
        policy.maxPagesPerHost = 2
        var state = Self.state(policy: policy)
        state.add(.page("private/x"))
        state.add(.page("p0"))
        let over = state.add(.page("p1"))
        #expect(over == .overHostBudget)
        guard let robots = state.next(at: .zero) else { Issue.record("no robots task"); return }
        state.complete(robots, outcome: .robots("User-agent: *\nDisallow: /private/\n"), now: .zero)
        let freed = state.add(.page("p2"))
        #expect(freed == .queued, "the blocked page gave its place back")
        let full = state.add(.page("p3"))
        #expect(full == .overHostBudget)
    }

    @Test("once the page limit is reached, robots.txt and first attempts wait and the crawl is finished")
    func pageLimitFinishes() {
        var state = Self.state(FrontierLimits(maxPages: 1))
        state.add(.page("p0"))
        state.add(.page("p1"))
        guard let robots = state.next(at: .zero) else { Issue.record("no robots task"); return }
        state.complete(robots, outcome: .robots(""), now: .zero)
        guard let page = state.next(at: .zero) else { Issue.record("no page"); return }
        state.add(.page("p0", host: "b"))
        let none = state.nextTask(now: .zero)
        #expect(none == .none, "neither b's robots.txt nor a's second page goes")
        #expect(!state.isFinished)
        state.finish(page, at: .zero)
        #expect(state.isFinished)
        #expect(state.queuedCount == 2)
    }
}
