/// Why the command processor could not start, or could not process one page.
///
/// The engine records a page that throws it as failed with reason `processing`, with
/// ``description`` as the detail.
public struct CommandProcessorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable label for the kind of failure.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The program was not found, is not executable, or could not be spawned.
        public static let cannotStart = Code(rawValue: "cannot-start")
        /// The child exited while the page was in flight (twice: a page is re-sent once).
        public static let exited = Code(rawValue: "exited")
        /// The child exited too often within the restart window and is not restarted for now.
        public static let restartLimit = Code(rawValue: "restart-limit")
        /// No answer for the page within the timeout.
        public static let timeout = Code(rawValue: "timeout")
        /// The answer was not JSON, had no usable id, or had members of the wrong type.
        public static let malformedAnswer = Code(rawValue: "malformed-answer")
        /// The child answered the page with `"error"`.
        public static let failedByCommand = Code(rawValue: "failed-by-command")
        /// The processor was shut down while the page was in flight.
        public static let stopped = Code(rawValue: "stopped")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
