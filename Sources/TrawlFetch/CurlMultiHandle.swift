import CTrawlCurl

/// Owns one libcurl multi handle (`CURLM *`): the transfers running at once and the shared
/// connection cache that keeps connections alive between them.
///
/// Every method but ``wakeUp()`` must be called on the fetch loop thread. Frees the handle with
/// `curl_multi_cleanup` in `deinit`; by then every easy handle must have been removed.
final class CurlMultiHandle {
    /// The `CURLM *` this object owns.
    private let raw: UnsafeMutableRawPointer

    /// Creates the handle (`curl_multi_init`) and sets its connection options.
    /// - Parameter maxConnections: connections kept open for reuse (`CURLMOPT_MAXCONNECTS`).
    init(maxConnections: Int) throws(CurlError) {
        guard let raw = curl_multi_init() else {
            throw CurlError(code: .multi(CURLM_OUT_OF_MEMORY), context: "curl_multi_init")
        }
        self.raw = raw
        // The fetcher's own queue limits transfers; libcurl should not queue them again.
        try check(trawl_multi_setopt_long(raw, CURLMOPT_MAX_TOTAL_CONNECTIONS, 0), "CURLMOPT_MAX_TOTAL_CONNECTIONS")
        // Too small a cache closes idle keep-alive connections that the next request wants.
        try check(trawl_multi_setopt_long(raw, CURLMOPT_MAXCONNECTS, maxConnections), "CURLMOPT_MAXCONNECTS")
        try check(trawl_multi_setopt_long(raw, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX)), "CURLMOPT_PIPELINING")
    }

    deinit {
        curl_multi_cleanup(raw)
    }

    /// Starts a prepared transfer (`curl_multi_add_handle`).
    func add(_ easy: CurlEasyHandle) throws(CurlError) {
        try check(curl_multi_add_handle(raw, easy.raw), "curl_multi_add_handle")
    }

    /// Stops a transfer, finished or not (`curl_multi_remove_handle`).
    func remove(_ easy: CurlEasyHandle) {
        _ = curl_multi_remove_handle(raw, easy.raw)
    }

    /// Runs whatever transfers can make progress without blocking (`curl_multi_perform`).
    func perform() throws(CurlError) {
        var running: Int32 = 0
        try check(curl_multi_perform(raw, &running), "curl_multi_perform")
    }

    /// Waits for socket activity, libcurl's next timeout, ``wakeUp()`` or `timeoutMilliseconds`
    /// (`curl_multi_poll`).
    func poll(timeoutMilliseconds: Int32) throws(CurlError) {
        try check(curl_multi_poll(raw, nil, 0, timeoutMilliseconds, nil), "curl_multi_poll")
    }

    /// Ends a ``poll(timeoutMilliseconds:)`` early (`curl_multi_wakeup`).
    ///
    /// The one method safe from any thread: libcurl documents `curl_multi_wakeup` as such.
    func wakeUp() {
        _ = curl_multi_wakeup(raw)
    }

    /// Finished transfers since the last call (`curl_multi_info_read`): each easy handle with its result.
    func completedTransfers() -> [(easy: UnsafeMutableRawPointer, result: CURLcode)] {
        var done: [(easy: UnsafeMutableRawPointer, result: CURLcode)] = []
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(raw, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            done.append((easy, trawl_msg_result(message)))
        }
        return done
    }
}

@available(*, unavailable, message: "a CURLM handle belongs to the fetch loop thread")
extension CurlMultiHandle: Sendable {}
