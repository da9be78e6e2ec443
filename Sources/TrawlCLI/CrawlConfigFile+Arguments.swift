extension CrawlConfigFile {
    /// The `crawl` arguments this file and `commandLine` make together, `commandLine` winning.
    ///
    /// Precedence, key by key: a scalar (`per-host`, `user-agent`…) given on the command line
    /// replaces the file's; a list (`allow-host`, `include`, `extract`…) given on the command
    /// line, even once, replaces the file's whole list; a flag set to `true` in the file cannot
    /// be turned off from the command line. Seeds on the command line (arguments or `--seeds`)
    /// replace both `seeds` and `seeds-file`. `-c`/`--config` is dropped from the result.
    ///
    /// - Parameters:
    ///   - commandLine: the arguments after `crawl`, as typed.
    ///   - seedsGiven: whether `commandLine` holds seed URL arguments (known once it is parsed).
    func arguments(commandLine: [String], seedsGiven: Bool) -> [String] {
        let (given, rest) = Self.scan(commandLine)
        let replaceSeeds = seedsGiven || given.contains("seeds-file")
        var result = replaceSeeds ? [] : seeds
        for (key, values) in settings where !given.contains(key) {
            if key == "seeds-file" && replaceSeeds { continue }
            let flag = ConfigKey.flag(for: key)
            if ConfigKey.options[key] == .flag {
                if values == ["true"] { result.append(flag) }
            } else {
                // `--key=value`: a value starting with a dash stays a value.
                result += values.map { "\(flag)=\($0)" }
            }
        }
        return result + rest
    }

    /// The keys `arguments` sets, and `arguments` without `-c FILE`, `--config FILE` or
    /// `--config=FILE`. Nothing after `--` is an option.
    static func scan(_ arguments: [String]) -> (given: Set<String>, rest: [String]) {
        var given: Set<String> = []
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            if argument == "-c" || argument == "--config" {
                index += 2
                continue
            }
            if argument.hasPrefix("--config=") {
                index += 1
                continue
            }
            if argument.hasPrefix("--") {
                let name = String(argument.prefix { $0 != "=" })
                if let key = ConfigKey.key(forFlag: name) { given.insert(key) }
            } else if argument.hasPrefix("-"), argument.count > 1 {
                // Short flags may be combined (`-qv`); `-o` takes a value, possibly attached.
                for character in argument.dropFirst() {
                    guard let key = ConfigKey.key(forFlag: "-\(character)") else { continue }
                    given.insert(key)
                    if key == "output" { break }
                }
            }
            rest.append(argument)
            index += 1
        }
        return (given, rest)
    }
}
