import CTrawlCurl
import Testing
import TrawlCore

@testable import TrawlFetch

@Suite struct FailureReasonMappingTests {
    @Test("libcurl result codes map to Trawl failure codes")
    func mapsCurlCodes() {
        let cases: [(CURLcode, FailureReason.Code)] = [
            (CURLE_COULDNT_RESOLVE_HOST, .dns),
            (CURLE_COULDNT_RESOLVE_PROXY, .dns),
            (CURLE_COULDNT_CONNECT, .connect),
            (CURLE_OPERATION_TIMEDOUT, .timeout),
            (CURLE_SSL_CONNECT_ERROR, .tls),
            (CURLE_PEER_FAILED_VERIFICATION, .tls),
            (CURLE_SSL_CACERT_BADFILE, .tls),
            (CURLE_UNSUPPORTED_PROTOCOL, .unsupportedScheme),
            (CURLE_URL_MALFORMAT, .invalidURL),
            (CURLE_FILESIZE_EXCEEDED, .tooLarge),
            (CURLE_RECV_ERROR, .network),
            (CURLE_GOT_NOTHING, .network),
            (CURLE_WRITE_ERROR, .network),
        ]
        for (curlCode, expected) in cases {
            #expect(FailureReason.curl(curlCode, message: "").code == expected, "\(curlCode)")
        }
    }

    @Test("a write error caused by the body limit is a too-large failure naming the limit")
    func bodyLimitAbortIsTooLarge() {
        let reason = FailureReason.curl(
            CURLE_WRITE_ERROR, message: "Failure writing output", bodyLimitExceeded: true, maxBodyBytes: 1000)
        #expect(reason == FailureReason(.tooLarge, "body over 1000 bytes"))
    }

    @Test("the detail holds libcurl's message and the error buffer text")
    func detailCombinesMessages() {
        let reason = FailureReason.curl(CURLE_COULDNT_RESOLVE_HOST, message: "Could not resolve host: nowhere.invalid")
        #expect(reason.detail == "Couldn't resolve host name: Could not resolve host: nowhere.invalid")
        #expect(FailureReason.curl(CURLE_RECV_ERROR, message: "").detail == "Failure when receiving data from the peer")
    }

    @Test("preflight accepts http and https URLs in any case")
    func preflightAcceptsHTTP() {
        for url in ["http://127.0.0.1/", "https://example.test/a?b", "HTTP://X/", "HtTpS://x"] {
            #expect(FailureReason.preflight(url, maxURLLength: 100) == nil, "\(url)")
        }
    }

    @Test("preflight rejects other schemes, missing schemes and overlong URLs")
    func preflightRejects() {
        #expect(FailureReason.preflight("ftp://127.0.0.1/x", maxURLLength: 100)?.code == .unsupportedScheme)
        #expect(FailureReason.preflight("file:///etc/passwd", maxURLLength: 100)?.code == .unsupportedScheme)
        #expect(FailureReason.preflight("mailto:a@b.c", maxURLLength: 100)?.code == .unsupportedScheme)
        #expect(FailureReason.preflight("127.0.0.1/x", maxURLLength: 100)?.code == .invalidURL)
        #expect(FailureReason.preflight("//host/x", maxURLLength: 100)?.code == .invalidURL)
        #expect(FailureReason.preflight("", maxURLLength: 100)?.code == .invalidURL)
        #expect(FailureReason.preflight("1http://x/", maxURLLength: 100)?.code == .invalidURL)
        let long = "http://x/" + String(repeating: "a", count: 100)
        #expect(FailureReason.preflight(long, maxURLLength: 100)?.code == .invalidURL)
    }
}
