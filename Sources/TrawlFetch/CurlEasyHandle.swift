import CTrawlCurl
import Foundation
import TrawlCore

/// Owns one libcurl easy handle (`CURL *`) and everything libcurl points to while it runs.
///
/// Keeps alive, for as long as the handle may use them: the request's `curl_slist` header list,
/// the error buffer, and the ``ResponseSink`` that the body and header callbacks write into.
/// Frees all of them in `deinit` (`curl_easy_cleanup`, `curl_slist_free_all`).
///
/// Reusable: ``prepare(for:configuration:)`` resets the handle (`curl_easy_reset`) and sets every
/// option again, so nothing leaks from one transfer to the next. Used only on the fetch loop thread.
final class CurlEasyHandle {
    /// The `CURL *` this object owns.
    let raw: UnsafeMutableRawPointer
    /// Where the callbacks put the response.
    let sink = ResponseSink()
    /// `CURLOPT_ERRORBUFFER`: libcurl writes a detailed message here when a transfer fails.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// `CURLOPT_HTTPHEADER` of the current transfer; libcurl reads it until the transfer ends.
    private var headerList: UnsafeMutablePointer<curl_slist>?

    /// Creates a handle with `curl_easy_init`; nil when libcurl cannot allocate one.
    init?() {
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(raw)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Resets the handle and sets every option for one request.
    ///
    /// Must not be called while the handle is added to a multi handle.
    func prepare(for request: FetchRequest, configuration: FetchConfiguration) throws(CurlError) {
        curl_easy_reset(raw)
        releaseRequestState()
        errorBuffer[0] = 0
        sink.reset(maxBodyBytes: configuration.maxBodyBytes)

        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        // Trawl follows redirects itself, so that every hop is scope-checked and recorded.
        try set(CURLOPT_FOLLOWLOCATION, 0)
        // "" offers every encoding this libcurl decodes (gzip, deflate, br, zstd) and decodes it.
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        if let path = configuration.caCertificatesPath { try set(CURLOPT_CAINFO, path) }
        // Signals are process-wide; the loop thread must not get SIGALRM from timeouts.
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_CONNECTTIMEOUT_MS, FetchConfiguration.milliseconds(configuration.connectTimeout))
        try set(CURLOPT_TIMEOUT_MS, FetchConfiguration.milliseconds(configuration.totalTimeout))
        try set(CURLOPT_LOW_SPEED_LIMIT, max(0, configuration.lowSpeedLimit))
        try set(CURLOPT_LOW_SPEED_TIME, max(1, Int(configuration.lowSpeedTime.rounded(.up))))
        try set(CURLOPT_USERAGENT, configuration.userAgent)
        try set(CURLOPT_PIPEWAIT, 1)
        // HTTP/2 over TLS when the server offers it in ALPN; never prior knowledge on plain HTTP.
        try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        // Refuses early when Content-Length already says the body is too large.
        try check(
            trawl_easy_setopt_off(raw, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxBodyBytes)),
            Self.name(of: CURLOPT_MAXFILESIZE_LARGE))
        try setHeaders(request.headers)
        try setCallbacks()
    }

    /// What the finished transfer amounts to, given the result libcurl reported for it.
    func outcome(result: CURLcode, request: FetchRequest) -> FetchOutcome {
        guard result == CURLE_OK else {
            return .failed(
                .curl(
                    result, message: String(cString: errorBuffer),
                    bodyLimitExceeded: sink.bodyLimitExceeded, maxBodyBytes: sink.maxBodyBytes))
        }
        var status = 0
        var effectiveURL: UnsafeMutablePointer<CChar>?
        var totalTime = 0.0
        _ = trawl_easy_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &status)
        _ = trawl_easy_getinfo_string(raw, CURLINFO_EFFECTIVE_URL, &effectiveURL)
        _ = trawl_easy_getinfo_double(raw, CURLINFO_TOTAL_TIME, &totalTime)
        return .response(
            Response(
                requestedURL: request.url, finalURL: effectiveURL.map { String(cString: $0) },
                status: status, headers: sink.headers, body: sink.takeBody(), fetchedAt: Date(),
                elapsed: totalTime))
    }

    /// Drops what the last transfer left behind (header list, body), keeping the handle.
    func releaseRequestState() {
        curl_slist_free_all(headerList)
        headerList = nil
        sink.reset(maxBodyBytes: 0)
    }

    private func setHeaders(_ headers: HTTPHeaders) throws(CurlError) {
        for field in headers {
            // A CR or LF would let a header value inject further header lines.
            guard !field.name.isEmpty,
                !field.name.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x3A }),
                !field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A })
            else { continue }
            // libcurl reads "Name:" as "remove this header" and "Name;" as "send it empty".
            let line = field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)"
            guard let appended = curl_slist_append(headerList, line) else {
                throw CurlError(code: .easy(CURLE_OUT_OF_MEMORY), context: "curl_slist_append")
            }
            headerList = appended
        }
        if let headerList {
            try check(trawl_easy_setopt_slist(raw, CURLOPT_HTTPHEADER, headerList), Self.name(of: CURLOPT_HTTPHEADER))
        }
    }

    private func setCallbacks() throws(CurlError) {
        let box = UnsafeMutableRawPointer(Unmanaged.passUnretained(sink).toOpaque())
        try set(CURLOPT_WRITEDATA, pointer: box)
        try set(CURLOPT_HEADERDATA, pointer: box)
        let write = trawl_easy_setopt_write_function(raw, CURLOPT_WRITEFUNCTION) { data, size, count, box in
            guard let box else { return 0 }
            let length = size * count
            let sink = Unmanaged<ResponseSink>.fromOpaque(box).takeUnretainedValue()
            // Returning less than `length` makes libcurl abort with CURLE_WRITE_ERROR.
            return sink.appendBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
        }
        try check(write, Self.name(of: CURLOPT_WRITEFUNCTION))
        let header = trawl_easy_setopt_write_function(raw, CURLOPT_HEADERFUNCTION) { data, size, count, box in
            guard let box else { return 0 }
            let length = size * count
            let sink = Unmanaged<ResponseSink>.fromOpaque(box).takeUnretainedValue()
            sink.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
            return length
        }
        try check(header, Self.name(of: CURLOPT_HEADERFUNCTION))
    }

    private func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try check(trawl_easy_setopt_long(raw, option, value), Self.name(of: option))
    }

    private func set(_ option: CURLoption, _ value: String) throws(CurlError) {
        // libcurl copies string options, so the C string need only live for the call.
        try check(trawl_easy_setopt_string(raw, option, value), Self.name(of: option))
    }

    private func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer) throws(CurlError) {
        try check(trawl_easy_setopt_pointer(raw, option, pointer), Self.name(of: option))
    }

    /// The option's name for error messages (`curl_easy_option_by_id`).
    private static func name(of option: CURLoption) -> String {
        guard let info = curl_easy_option_by_id(option), let name = info.pointee.name else {
            return "option \(option.rawValue)"
        }
        return "CURLOPT_" + String(cString: name)
    }
}

@available(*, unavailable, message: "a CURL handle belongs to the fetch loop thread")
extension CurlEasyHandle: Sendable {}
