/// Why a ``CurlFetcher`` could not be created.
///
/// Only set-up throws; a failed page is a ``TrawlCore/FetchOutcome/failed(_:)`` value instead.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, short label for the failure.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// `curl_global_init` failed (usually out of memory or a broken TLS library).
        public static let globalInitFailed = Code(rawValue: "curl-global-init")
        /// `curl_multi_init` failed, or the multi handle refused an option.
        public static let multiInitFailed = Code(rawValue: "curl-multi-init")
    }

    public var code: Code
    /// libcurl's message, with the call that failed.
    public var detail: String

    public init(_ code: Code, _ detail: String = "") {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        detail.isEmpty ? code.rawValue : "\(code.rawValue): \(detail)"
    }
}
