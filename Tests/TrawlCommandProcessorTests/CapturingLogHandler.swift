import Logging
import Synchronization

/// A log handler that keeps every message with its metadata, for assertions on what was logged.
struct CapturingLogHandler: LogHandler {
    /// What was logged, shared by every copy of the handler.
    final class Records: Sendable {
        let entries = Mutex<[(level: Logger.Level, message: String, metadata: Logger.Metadata)]>([])
    }

    let records: Records
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        records.entries.withLock { $0.append((event.level, event.message.description, event.metadata ?? [:])) }
    }
}
