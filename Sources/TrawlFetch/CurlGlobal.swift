import CTrawlCurl

/// libcurl's process-wide set-up, `curl_global_init`, done once.
enum CurlGlobal {
    /// The result of `curl_global_init(CURL_GLOBAL_ALL)`; Swift runs a static initializer
    /// exactly once and thread-safely, which `curl_global_init` needs.
    private static let initResult: CURLcode = trawl_global_init()

    /// Runs `curl_global_init` on first use; throws if it failed.
    static func initialize() throws(FetchError) {
        guard initResult == CURLE_OK else {
            throw FetchError(.globalInitFailed, String(cString: curl_easy_strerror(initResult)))
        }
    }
}
