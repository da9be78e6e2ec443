// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Trawl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "trawl", targets: ["TrawlCLI"]),
        .executable(name: "trawl-parse-floor", targets: ["TrawlParseFloor"]),
        .executable(name: "trawl-cache-bench", targets: ["TrawlCacheBench"]),
        .library(name: "Trawl", targets: ["Trawl"]),
        .library(name: "TrawlHTMLProcessor", targets: ["TrawlHTMLProcessor"]),
        .library(name: "TrawlJSONProcessor", targets: ["TrawlJSONProcessor"]),
        .library(name: "TrawlSitemapProcessor", targets: ["TrawlSitemapProcessor"]),
        .library(name: "TrawlCommandProcessor", targets: ["TrawlCommandProcessor"]),
        .library(name: "TrawlContent", targets: ["TrawlContent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // System libraries: each is imported by exactly one Swift target.
        .systemLibrary(
            name: "CTrawlCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),
        .systemLibrary(
            name: "CTrawlXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CTrawlSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .systemLibrary(
            name: "CTrawlZstd", pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]),
        .systemLibrary(
            name: "CTrawlZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),

        // Vocabulary: no C, no I/O. TrawlURL sits below TrawlCore so links travel as parsed URLs.
        .target(name: "TrawlURL"),
        .target(name: "TrawlCore", dependencies: ["TrawlURL"]),
        .target(name: "TrawlJSONPath", dependencies: ["TrawlCore"]),
        .target(name: "TrawlRobots"),
        .target(name: "TrawlHTTPCache", dependencies: ["TrawlCore"]),
        .target(
            name: "TrawlFetch",
            dependencies: ["TrawlCore", "CTrawlCurl", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "TrawlStore",
            dependencies: [
                "TrawlCore", "TrawlJSONPath", "CTrawlSQLite", "CTrawlZstd", "TrawlZlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "TrawlXML", dependencies: ["CTrawlXML2"]),
        // The only importer of zlib: gzip inflation (sitemaps) and deflation (WARC export).
        .target(name: "TrawlZlib", dependencies: ["CTrawlZlib"]),
        .target(
            name: "TrawlFrontier",
            dependencies: [
                "TrawlCore", "TrawlURL", "TrawlRobots",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]),
        .target(
            name: "Trawl",
            dependencies: [
                "TrawlCore", "TrawlURL", "TrawlFetch", "TrawlStore", "TrawlFrontier", "TrawlRobots", "TrawlHTTPCache",
                .product(name: "Logging", package: "swift-log"),
            ]),

        // Processors: one plug-in target per folder under Plugins/.
        .target(
            name: "TrawlHTMLProcessor", dependencies: ["TrawlCore", "TrawlURL", "TrawlXML"],
            path: "Plugins/HTML"),
        .target(
            name: "TrawlJSONProcessor", dependencies: ["TrawlCore", "TrawlURL", "TrawlJSONPath"],
            path: "Plugins/JSON"),
        .target(
            name: "TrawlSitemapProcessor", dependencies: ["TrawlCore", "TrawlURL", "TrawlXML", "TrawlZlib"],
            path: "Plugins/Sitemap"),
        // The example plugin: the template for a processor written in Swift (README).
        .target(name: "TrawlWordCountProcessor", dependencies: ["TrawlCore", "TrawlXML"], path: "Plugins/WordCount"),
        // Main content as Markdown and text (libxml2 only through TrawlXML).
        .target(
            name: "TrawlContent", dependencies: ["TrawlCore", "TrawlURL", "TrawlXML", "TrawlJSONPath"],
            path: "Plugins/Content"),
        .target(
            name: "TrawlCommandProcessor",
            dependencies: ["TrawlCore", "TrawlURL", "TrawlJSONPath", .product(name: "Logging", package: "swift-log")],
            path: "Plugins/Command"),

        // The command line: the one place built-in processors are registered.
        .executableTarget(
            name: "TrawlCLI",
            dependencies: [
                "Trawl", "TrawlHTMLProcessor", "TrawlJSONProcessor", "TrawlSitemapProcessor", "TrawlCommandProcessor",
                "TrawlContent", "TrawlRobots", "TrawlHTTPCache",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // Loopback HTTP server for tests and the demo.
        .target(name: "TrawlTestSupport", dependencies: ["TrawlCore"]),
        .executableTarget(name: "TrawlDemoServer", dependencies: ["TrawlTestSupport"]),
        // Developer tool: the cache's size and warm-read speed on a bench site (README, cache).
        .executableTarget(name: "TrawlCacheBench", dependencies: ["TrawlStore", "TrawlCore"]),
        // The parse-only floor `make bench` sets beside `trawl extract --all` (scripts/bench.sh).
        .executableTarget(name: "TrawlParseFloor", dependencies: ["TrawlStore", "TrawlCore", "TrawlXML"]),

        .testTarget(name: "TrawlCoreTests", dependencies: ["TrawlCore"]),
        .testTarget(name: "TrawlURLTests", dependencies: ["TrawlURL"]),
        .testTarget(name: "TrawlJSONPathTests", dependencies: ["TrawlJSONPath", "TrawlCore"]),
        .testTarget(name: "TrawlRobotsTests", dependencies: ["TrawlRobots"]),
        .testTarget(name: "TrawlHTTPCacheTests", dependencies: ["TrawlHTTPCache", "TrawlCore"]),
        .testTarget(name: "TrawlFetchTests", dependencies: ["TrawlFetch", "TrawlCore", "CTrawlCurl", "TrawlTestSupport"]),
        .testTarget(
            name: "TrawlStoreTests", dependencies: ["TrawlStore", "TrawlCore", "TrawlTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "TrawlXMLTests", dependencies: ["TrawlXML", "TrawlTestSupport"]),
        .testTarget(name: "TrawlFrontierTests", dependencies: ["TrawlFrontier", "TrawlCore", "TrawlRobots"]),
        .testTarget(
            name: "TrawlHTMLProcessorTests", dependencies: ["TrawlHTMLProcessor", "TrawlXML", "TrawlCore", "TrawlTestSupport"]),
        .testTarget(
            name: "TrawlJSONProcessorTests", dependencies: ["TrawlJSONProcessor", "TrawlJSONPath", "TrawlCore"]),
        .testTarget(
            name: "TrawlSitemapProcessorTests",
            dependencies: ["TrawlSitemapProcessor", "TrawlCore", "TrawlURL", "TrawlTestSupport"]),
        .testTarget(
            name: "TrawlCommandProcessorTests",
            dependencies: [
                "TrawlCommandProcessor", "Trawl", "TrawlCore", "TrawlURL", "TrawlFetch", "TrawlStore", "TrawlTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "TrawlWordCountProcessorTests",
            dependencies: [
                "TrawlWordCountProcessor", "Trawl", "TrawlCore", "TrawlFetch", "TrawlStore", "TrawlXML",
                "TrawlHTMLProcessor", "TrawlTestSupport", .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "TrawlContentTests", dependencies: ["TrawlContent", "TrawlCore", "TrawlXML"],
            exclude: ["Fixtures"]),
        .testTarget(name: "TrawlTestSupportTests", dependencies: ["TrawlTestSupport", "TrawlCore"]),
        .testTarget(
            name: "TrawlTests",
            dependencies: [
                "Trawl", "TrawlCore", "TrawlFetch", "TrawlStore", "TrawlFrontier", "TrawlXML", "TrawlJSONPath",
                "TrawlHTMLProcessor", "TrawlJSONProcessor", "TrawlSitemapProcessor", "TrawlTestSupport", "TrawlHTTPCache",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Runs the real `trawl` binary, which `swift build --build-tests` builds with everything else.
        .testTarget(name: "EndToEndTests", dependencies: ["TrawlTestSupport"]),
        .testTarget(name: "TrawlCLITests", dependencies: ["TrawlCLI", "TrawlCore", "TrawlTestSupport"]),
    ]
)

// One place for language mode and strictness, applied to every Swift target.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
    ]
}
