import Logging

/// Sets up swift-log for the command line: warnings on stderr, everything with `--verbose`.
enum CommandLogging {
    static func bootstrap(verbose: Bool) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = verbose ? .debug : .warning
            return handler
        }
        var logger = Logger(label: "trawl")
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}
