import Foundation
import TrawlCore
import TrawlHTTPCache
import TrawlURL

extension ResponseSource {
    /// A response for `url` from the network: conditional when `revalidating` holds a stored
    /// response and the header fields that validate it.
    ///
    /// A 304 to a conditional request freshens the stored response (headers merged, fetch time
    /// moved to now, body kept) and stores it again; a 304 naming another ETag does not describe
    /// the stored response, so the URL is fetched again unconditionally (RFC 9111 §4.3.4). Any
    /// other response is stored when its status is not transient and the policy finds it
    /// storable (never `no-store`); otherwise it is counted as not stored.
    func fetched(
        _ url: String, policy: HTTPCachePolicy, revalidating: (stored: Response, conditions: HTTPHeaders)?
    ) async throws -> Lookup {
        if let beforeSend, let hostKey = try? WebURL(url).hostKey { await beforeSend(hostKey) }
        var response: Response
        switch await fetcher.fetch(FetchRequest(url: url, headers: revalidating?.conditions ?? [])) {
        case .failed(let reason):
            return .failed(reason)
        case .response(let received):
            response = received
        }
        response.fetchedAt = settings.now()
        statistics.update {
            $0.fetched += 1
            $0.bytesFetched += response.body.count
        }
        if let revalidating, response.status == 304 {
            guard let updated = freshened(revalidating.stored, by: response) else {
                logger.debug("304 with another ETag, fetching again", metadata: ["trawl.url": "\(url)"])
                return try await fetched(url, policy: policy, revalidating: nil)
            }
            statistics.update { $0.cache.record(.revalidatedUnchanged) }
            try await store.storeRevalidated(updated, key: url)
            return .response(updated, fromNetwork: true)
        }
        statistics.update { $0.cache.record(revalidating == nil ? .fetched : .revalidatedChanged) }
        if RetryAfter.transientStatuses.contains(response.status) { return .transient(response) }
        if policy.isStorable(
            status: response.status, responseHeaders: response.headers, requestHeaders: settings.requestHeaders)
        {
            try await store.store(response, key: url)
        } else {
            statistics.update { $0.cache.record(.notStored) }
            logger.trace("response not stored", metadata: ["trawl.url": "\(url)"])
        }
        return .response(response, fromNetwork: true)
    }

    /// `stored` updated by the 304 `notModified`, or nil when the 304 names another ETag.
    private func freshened(_ stored: Response, by notModified: Response) -> Response? {
        let meta = StoredResponseMeta(response: stored, requestHeaders: settings.requestHeaders)
        let requestTime = notModified.fetchedAt.addingTimeInterval(-max(0, notModified.elapsed))
        guard
            let fresh = HTTPCachePolicy.freshened(
                meta, notModified: notModified.headers, requestTime: requestTime,
                responseTime: notModified.fetchedAt)
        else { return nil }
        var updated = stored
        updated.headers = fresh.responseHeaders
        updated.fetchedAt = fresh.responseTime
        updated.elapsed = notModified.elapsed
        return updated
    }
}
