extension SchedulerReport {
    /// The report of a run without a scheduler (`trawl extract --all`): nothing retried,
    /// slowed or dropped.
    public static let empty = SchedulerReport(retries: 0, slowedHosts: [], drops: LinkDropCounts(), sitemaps: [:])
}
