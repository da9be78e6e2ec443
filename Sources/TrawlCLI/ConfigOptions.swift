import ArgumentParser

/// The `crawl` option that reads settings and extraction rules from a YAML file.
struct ConfigOptions: ParsableArguments {
    @Option(name: [.customShort("c"), .customLong("config")], help: ArgumentHelp(
        "Read settings and extraction rules from this YAML file; flags on the command line win over it (lists such as seeds or --include replace the file's).",
        valueName: "file"))
    var path: String?
}
