import TrawlCore

/// The settings of a crawl that decide which URLs it visits and which items it writes, taken
/// from its effective command line (config file settings included), for comparing a resumed
/// job with the command that resumes it.
///
/// Every option counts unless it only changes how fast, how politely or where to: concurrency,
/// timeouts, delays, retries, the output path and format, logging, the cache path. A setting
/// that is not listed here counts, so a new option is compared unless it is added below.
enum JobFingerprint {
    /// Options that do not change what the crawl visits or extracts.
    static let ignored: Set<String> = [
        "cache", "concurrency", "per-host", "timeout", "connect-timeout", "cacert", "quiet", "verbose",
        "output", "format", "processor-workers", "processor-timeout", "delay", "max-crawl-delay",
        "ignore-crawl-delay", "no-adapt", "retries", "retry-base", "max-retry-after", "fresh", "resume-anyway",
        "grace", "user-agent", "max-body", "seeds-file", "no-glob", "sitemap",
    ]

    /// `name → value` for every compared option in `arguments` (the command line after `crawl`,
    /// with a config file's settings in front), plus the config file's rules when there is one.
    /// A repeated option's values are joined with newlines, in order.
    static func values(arguments: [String], configRules: String?) -> [String: String] {
        var values: [String: [String]] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" { break }
            guard argument.hasPrefix("-"), argument.count > 1 else { continue }
            var flag = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                flag = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            guard let key = ConfigKey.key(forFlag: flag) else { continue }
            let isFlag = ConfigKey.options[key] == .flag
            let value: String
            if isFlag {
                value = "true"
            } else if let inline {
                value = inline
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                continue
            }
            if !ignored.contains(key) { values[key, default: []].append(value) }
        }
        var result = values.mapValues { $0.joined(separator: "\n") }
        if let configRules { result["rules"] = configRules }
        return result
    }

    /// What differs between a job's settings and the command's, one phrase each, for the
    /// refusal message: `seeds`, `--max-depth 2 → 3`, `--include added`.
    static func differences(job: JobSettings, command: JobSettings) -> [String] {
        var result: [String] = []
        if job.seeds != command.seeds { result.append("the seeds") }
        for key in Set(job.values.keys).union(command.values.keys).sorted() {
            let old = job.values[key]
            let new = command.values[key]
            guard old != new else { continue }
            let name = key == "rules" ? "the config file's rules" : "--" + key
            switch (old, new) {
            case (nil, let new?): result.append("\(name) added (\(short(new)))")
            case (let old?, nil): result.append("\(name) removed (was \(short(old)))")
            case (let old?, let new?):
                result.append(key == "rules" ? "\(name) changed" : "\(name) \(short(old)) → \(short(new))")
            case (nil, nil): break
            }
        }
        return result
    }

    private static func short(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\n", with: ", ")
        return flat.count > 40 ? String(flat.prefix(37)) + "…" : flat
    }
}
