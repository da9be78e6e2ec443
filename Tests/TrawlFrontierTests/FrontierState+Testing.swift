import TrawlFrontier

extension FrontierState {
    /// The next task at `now`, or nil when the state says wait or none.
    mutating func next(at now: Duration = .zero) -> CrawlTask? {
        if case .task(let task) = nextTask(now: now) { return task }
        return nil
    }

    /// Completes `task` as finished with no throttle signal.
    @discardableResult
    mutating func finish(_ task: CrawlTask, at now: Duration = .zero) -> [FrontierRecord] {
        complete(task, outcome: .finished(nil), now: now)
    }
}

extension SchedulerPolicy {
    /// No robots.txt and no adaptive throttle: the plain round-robin scheduler.
    static let plain = SchedulerPolicy(obeyRobots: false, adaptive: false)
}

extension Duration {
    /// Whole seconds as a Duration, for readable test times.
    static func s(_ seconds: Double) -> Duration { .milliseconds(Int((seconds * 1000).rounded())) }
}
