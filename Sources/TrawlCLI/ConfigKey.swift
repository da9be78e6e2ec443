/// The top-level keys of a crawl config file: one per `crawl` flag, named after its long form.
///
/// Exceptions: `seeds` is the list of seed URLs (the positional arguments), so `--seeds FILE`
/// is `seeds-file`; `rules` has no flag; `config` itself is not a key.
enum ConfigKey {
    /// What a key's value must be, and how it becomes command-line arguments.
    enum Kind: Equatable {
        /// A string (`user-agent`, `cache`, `max-body`…).
        case string
        /// An integer (`per-host`, `max-depth`…).
        case integer
        /// A number of seconds (`delay`, `timeout`…).
        case number
        /// `true` or `false`; only `true` adds the flag.
        case flag
        /// A string or a list of strings; the option repeated once per entry.
        case list
    }

    /// Every key but `seeds` and `rules`, with its kind.
    static let options: [String: Kind] = [
        "seeds-file": .string, "no-glob": .flag, "extract": .list, "each": .string, "null-missing": .flag,
        "follow": .list, "cache": .string, "concurrency": .integer, "per-host": .integer,
        "allow-host": .list, "max-depth": .integer, "max-pages": .integer, "max-body": .string,
        "user-agent": .string, "timeout": .number, "connect-timeout": .number, "cacert": .string,
        "allow-domain": .list, "include": .list, "exclude": .list, "strip-query": .list, "sort-query": .flag,
        "max-url-length": .integer, "no-trap-guard": .flag,
        "delay": .number, "ignore-robots": .flag, "robots-agent": .string, "max-crawl-delay": .number,
        "ignore-crawl-delay": .flag, "no-adapt": .flag, "retries": .integer, "retry-base": .number,
        "max-retry-after": .number, "max-pages-per-host": .integer,
        "output": .string, "format": .string, "sitemap": .list, "robots-sitemaps": .flag,
        "processor-command": .string, "processor-arg": .list, "processor-workers": .integer,
        "processor-timeout": .number, "quiet": .flag, "verbose": .flag,
        "carry": .list, "links-in": .list, "links-match": .list, "cache-mode": .string, "max-age": .string,
        "fresh": .flag, "resume-anyway": .flag, "grace": .number,
        "content": .flag, "content-links": .string, "markdown-dir": .string,
    ]

    /// Every key a file may use at the top level.
    static var all: [String] { Array(options.keys) + ["seeds", "rules"] }

    /// The command-line flag a key stands for (`seeds-file` is `--seeds`).
    static func flag(for key: String) -> String {
        key == "seeds-file" ? "--seeds" : "--" + key
    }

    /// The key a command-line flag stands for: long names and their aliases (`--out`), and
    /// the short flags (`-o`, `-q`, `-v`). Nil for anything else.
    static func key(forFlag flag: String) -> String? {
        switch flag {
        case "--seeds": return "seeds-file"
        case "--out", "-o": return "output"
        case "-q": return "quiet"
        case "-v": return "verbose"
        default:
            guard flag.hasPrefix("--") else { return nil }
            let name = String(flag.dropFirst(2))
            return options[name] != nil ? name : nil
        }
    }
}
