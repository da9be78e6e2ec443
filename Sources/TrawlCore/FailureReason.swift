/// Why a page failed. A failure is a recorded value, never an exception: the crawl goes on.
public struct FailureReason: Sendable, Hashable, CustomStringConvertible {
    /// A stable, short label used to group failures in the summary and the store.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The host name could not be resolved.
        public static let dns = Code(rawValue: "dns")
        /// The connection was refused or could not be made.
        public static let connect = Code(rawValue: "connect")
        /// Connect, total or low-speed timeout.
        public static let timeout = Code(rawValue: "timeout")
        /// TLS handshake or certificate verification failed.
        public static let tls = Code(rawValue: "tls")
        /// The decoded body exceeded the maximum body size.
        public static let tooLarge = Code(rawValue: "too-large")
        /// Any other transfer error (reset, protocol error, bad encoding).
        public static let network = Code(rawValue: "network")
        /// The server answered with a status of 400 or more; the detail holds the status.
        public static let httpStatus = Code(rawValue: "http-status")
        /// More redirect hops than allowed.
        public static let tooManyRedirects = Code(rawValue: "too-many-redirects")
        /// A redirect led back to a URL already in the chain.
        public static let redirectLoop = Code(rawValue: "redirect-loop")
        /// A redirect pointed outside the crawl's scope; the target was not fetched.
        public static let redirectOutOfScope = Code(rawValue: "redirect-out-of-scope")
        /// A redirect pointed to a URL the link rules drop (excluded, a trap, too long).
        public static let redirectNotFollowed = Code(rawValue: "redirect-not-followed")
        /// A scheme other than http or https (in a request or a redirect).
        public static let unsupportedScheme = Code(rawValue: "unsupported-scheme")
        /// The URL could not be parsed.
        public static let invalidURL = Code(rawValue: "invalid-url")
        /// A processor could not handle the response (for example malformed JSON).
        public static let processing = Code(rawValue: "processing")
        /// robots.txt forbids the page; it was never requested. The detail names the rule.
        public static let blockedByRobots = Code(rawValue: "blocked-by-robots")
        /// The origin's robots.txt could not be fetched after every retry (5xx, 429, network),
        /// so none of its pages may be crawled (RFC 9309 §2.3.1.4).
        public static let robotsUnavailable = Code(rawValue: "robots-unavailable")
        /// The server asked to wait longer than `--max-retry-after` before retrying.
        public static let retryAfterTooLong = Code(rawValue: "retry-after-too-long")
        /// The cache holds no usable response and the network may not be used (`--cache-mode
        /// offline`, `trawl extract`): never requested.
        public static let notInCache = Code(rawValue: "not-in-cache")
    }

    public var code: Code
    /// Human-readable detail: the libcurl message, the status, the offending URL.
    public var detail: String

    public init(_ code: Code, _ detail: String = "") {
        self.code = code
        self.detail = detail
    }

    /// The label the summary groups by: the code, or `http-404` for status failures.
    ///
    /// Only the status counts: a detail such as `503 (after 4 attempts)` still groups as `http-503`.
    public var label: String {
        code == .httpStatus ? "http-\(detail.prefix { $0.isASCII && $0.isNumber })" : code.rawValue
    }

    public var description: String {
        detail.isEmpty ? code.rawValue : "\(code.rawValue): \(detail)"
    }
}

/// The result of fetching one URL: a response (any status), or a failure.
public enum FetchOutcome: Sendable, Hashable {
    case response(Response)
    case failed(FailureReason)
}
