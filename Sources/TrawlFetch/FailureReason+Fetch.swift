import CTrawlCurl
import TrawlCore

extension FailureReason {
    /// The failure for a transfer that libcurl ended with `code`.
    ///
    /// Pure: the mapping from libcurl's result codes to Trawl's failure codes, kept apart from
    /// the transfer so it can be tested without a network.
    /// - Parameters:
    ///   - code: the transfer's result (never `CURLE_OK`).
    ///   - message: the text libcurl left in the transfer's error buffer, possibly empty.
    ///   - bodyLimitExceeded: whether the body callback refused data for going over the limit;
    ///     libcurl then reports a write error, which is really a size failure.
    ///   - maxBodyBytes: the limit, for the message.
    static func curl(
        _ code: CURLcode, message: String, bodyLimitExceeded: Bool = false, maxBodyBytes: Int = 0
    ) -> FailureReason {
        if bodyLimitExceeded || code == CURLE_FILESIZE_EXCEEDED {
            return FailureReason(.tooLarge, "body over \(maxBodyBytes) bytes")
        }
        let text = String(cString: curl_easy_strerror(code))
        let detail = message.isEmpty || message == text ? text : "\(text): \(message)"
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return FailureReason(.dns, detail)
        case CURLE_COULDNT_CONNECT:
            return FailureReason(.connect, detail)
        case CURLE_OPERATION_TIMEDOUT:
            return FailureReason(.timeout, detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_PEER_FAILED_VERIFICATION,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED,
            CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return FailureReason(.tls, detail)
        case CURLE_UNSUPPORTED_PROTOCOL:
            return FailureReason(.unsupportedScheme, detail)
        case CURLE_URL_MALFORMAT:
            return FailureReason(.invalidURL, detail)
        default:
            return FailureReason(.network, detail)
        }
    }

    /// The failure of a fetch the caller cancelled.
    static let cancelled = FailureReason(.network, "cancelled")

    /// The failure of a fetch that was pending or running when the fetcher shut down.
    static let shutDown = FailureReason(.network, "fetcher shut down")

    /// A pre-flight check of `url`: nil when it may be handed to libcurl.
    ///
    /// libcurl would guess `http` for a URL without a scheme, so the scheme is checked here;
    /// `ftp:`, `file:` and the like fail here too, without touching the network.
    static func preflight(_ url: String, maxURLLength: Int) -> FailureReason? {
        if url.utf8.count > maxURLLength {
            return FailureReason(.invalidURL, "URL longer than \(maxURLLength) bytes")
        }
        guard let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")) else {
            return FailureReason(.invalidURL, "no scheme in \(url.prefix(200))")
        }
        let scheme = url.utf8[..<colon]
        let isSchemeCharacter: (UInt8) -> Bool = { c in
            let lower = c | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2B
                || c == 0x2D || c == 0x2E
        }
        guard let first = scheme.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A,
            scheme.allSatisfy(isSchemeCharacter)
        else {
            return FailureReason(.invalidURL, "no scheme in \(url.prefix(200))")
        }
        guard scheme.elementsEqual("http".utf8, by: { $0 | 0x20 == $1 })
            || scheme.elementsEqual("https".utf8, by: { $0 | 0x20 == $1 })
        else {
            return FailureReason(.unsupportedScheme, "scheme \(String(decoding: scheme, as: UTF8.self))")
        }
        return nil
    }
}
