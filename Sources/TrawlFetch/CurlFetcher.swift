import Logging
import TrawlCore

/// Fetches URLs with libcurl: many transfers at once on one dedicated thread, connections kept
/// alive and reused, bodies decoded and size-limited.
///
/// One thread runs libcurl's multi interface (`curl_multi_poll`) for every transfer, so fetching
/// never blocks the caller's thread or Swift's cooperative pool: ``fetch(_:)`` queues the request,
/// wakes that thread and suspends until the transfer ends. At most
/// ``FetchConfiguration/maxConcurrentTransfers`` run at once; later fetches wait their turn.
///
/// Sendable: its stored properties are immutable, and the loop they share guards its mutable
/// state with a lock and its libcurl handles with its own thread (see `CurlFetchLoop`).
public final class CurlFetcher: Fetcher, Sendable {
    /// The configuration the fetcher was created with.
    public let configuration: FetchConfiguration
    let loop: CurlFetchLoop

    /// Sets up libcurl and starts the fetch loop thread.
    ///
    /// - Throws: ``FetchError`` if `curl_global_init` or `curl_multi_init` fails.
    public init(
        configuration: FetchConfiguration = .init(), logger: Logger = Logger(label: "trawl.fetch")
    ) throws(FetchError) {
        try CurlGlobal.initialize()
        do {
            loop = try CurlFetchLoop(configuration: configuration, logger: logger)
        } catch {
            throw FetchError(.multiInitFailed, error.description)
        }
        self.configuration = loop.configuration
        loop.start()
    }

    deinit {
        loop.shutDown()
    }

    /// Sends one request and returns the response, whatever its status, or why there is none.
    ///
    /// Never follows redirects: a 301 comes back as a response with its `Location` header. A
    /// URL that is too long, has no scheme or a scheme other than http/https fails at once,
    /// without touching the network. Cancelling the calling task stops the transfer and returns
    /// `.failed(.network, "cancelled")`. Safe to call from many tasks at once.
    public func fetch(_ request: FetchRequest) async -> FetchOutcome {
        if let failure = FailureReason.preflight(request.url, maxURLLength: configuration.maxURLLength) {
            return .failed(failure)
        }
        let loop = self.loop
        let id = loop.makeID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                loop.submit(PendingFetch(id: id, request: request, continuation: continuation))
            }
        } onCancel: {
            loop.cancel(id: id)
        }
    }

    /// Stops the fetch loop thread; waiting and running fetches end as `.failed(.network)`.
    ///
    /// Returns without waiting for the thread: running fetches end as soon as it wakes.
    /// Idempotent; later fetches fail at once. Also called when the fetcher is deallocated.
    public func shutdown() {
        loop.shutDown()
    }
}
