import CTrawlCurl

/// A libcurl call that returned something other than OK, with the call or option it came from.
struct CurlError: Error, CustomStringConvertible {
    /// The result code, from the easy or the multi interface.
    enum Code: Equatable {
        case easy(CURLcode)
        case multi(CURLMcode)
    }

    var code: Code
    /// What was being done: the function or the option name.
    var context: String

    var description: String {
        switch code {
        case .easy(let c): "\(context): \(String(cString: curl_easy_strerror(c)))"
        case .multi(let c): "\(context): \(String(cString: curl_multi_strerror(c)))"
        }
    }
}

/// Throws a ``CurlError`` naming `context` unless `code` is `CURLE_OK`.
func check(_ code: CURLcode, _ context: @autoclosure () -> String) throws(CurlError) {
    guard code == CURLE_OK else { throw CurlError(code: .easy(code), context: context()) }
}

/// Throws a ``CurlError`` naming `context` unless `code` is `CURLM_OK`.
func check(_ code: CURLMcode, _ context: @autoclosure () -> String) throws(CurlError) {
    guard code == CURLM_OK else { throw CurlError(code: .multi(code), context: context()) }
}
