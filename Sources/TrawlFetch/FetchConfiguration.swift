import TrawlCore

/// Limits and identity for a ``CurlFetcher``; plain values read once when the fetcher is created.
public struct FetchConfiguration: Sendable, Hashable {
    /// The `User-Agent` sent with every request.
    public var userAgent: String = TrawlVersion.defaultUserAgent
    /// The largest body kept, counted after content decoding.
    ///
    /// A larger body fails the fetch with ``TrawlCore/FailureReason/Code/tooLarge``. Counting
    /// decoded bytes is what bounds a decompression bomb: a 10 KiB gzip body can inflate to
    /// gigabytes, and without this limit it would all be held in memory.
    public var maxBodyBytes: Int = 10 * 1024 * 1024
    /// Seconds allowed for DNS, TCP and TLS setup.
    public var connectTimeout: Double = 10
    /// Seconds allowed for a whole transfer, counted from when it starts running (not queued).
    public var totalTimeout: Double = 60
    /// Bytes per second below which a transfer counts as stalled.
    public var lowSpeedLimit: Int = 16
    /// Seconds a transfer may stay below ``lowSpeedLimit`` before it fails as a timeout.
    ///
    /// Without it a server trickling one byte a second holds a transfer slot until the total timeout.
    public var lowSpeedTime: Double = 30
    /// Transfers running at once; further fetches wait in a queue, in the order they were asked for.
    public var maxConcurrentTransfers: Int = 64
    /// Longer URLs fail with ``TrawlCore/FailureReason/Code/invalidURL`` without touching the network.
    ///
    /// Servers reject very long URLs anyway, and crawler traps generate ever-growing ones.
    public var maxURLLength: Int = 8192
    /// A PEM file of certificate authorities to trust instead of the system's (`CURLOPT_CAINFO`),
    /// for sites behind a private CA. Verification itself is never turned off.
    public var caCertificatesPath: String?

    /// The defaults above.
    public init() {}
}

extension FetchConfiguration {
    /// Whole milliseconds for a number of seconds, at least 1 so that libcurl never reads 0 as "no limit".
    static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite else { return Int.max / 2 }
        return max(1, Int((seconds * 1000).rounded()))
    }
}
