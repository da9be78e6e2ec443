import Foundation
import TrawlCore

extension HTTPCachePolicy {
    /// The conditional header fields that revalidate a stored response (RFC 9111 §4.3.1), empty
    /// when it has no validator.
    ///
    /// `If-None-Match` carries the stored `ETag` exactly as received, weak (`W/"…"`) or strong;
    /// `If-Modified-Since` carries the stored `Last-Modified` exactly as received (servers such as
    /// nginx compare it as text) when it is a valid date. Both are sent when both exist, as §4.3.1
    /// recommends for intermediaries that only understand one; the server gives `If-None-Match`
    /// precedence.
    public static func conditionalHeaders(for stored: HTTPHeaders, now: Date) -> HTTPHeaders {
        var headers: HTTPHeaders = []
        if let etag = stored["ETag"]?.trimmingWhitespace(), !etag.isEmpty {
            headers.add(name: "If-None-Match", value: etag)
        }
        if let lastModified = stored["Last-Modified"]?.trimmingWhitespace(),
            HTTPDate.parse(lastModified, now: now) != nil
        {
            headers.add(name: "If-Modified-Since", value: lastModified)
        }
        return headers
    }

    /// Whether a response stored for `storedRequest` may answer `newRequest` (RFC 9111 §4.1).
    ///
    /// Every field the response's `Vary` names must be absent from both requests or have the same
    /// value in both, after joining repeated lines and removing whitespace around commas. Field
    /// names compare case-insensitively, values exactly. `Vary: *` never matches.
    public static func varyMatches(
        responseHeaders: HTTPHeaders, storedRequest: HTTPHeaders, newRequest: HTTPHeaders
    ) -> Bool {
        let names = responseHeaders.values(named: "Vary")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingWhitespace().lowercased() }
            .filter { !$0.isEmpty }
        guard !names.contains("*") else { return false }
        return names.allSatisfy { normalized(storedRequest, $0) == normalized(newRequest, $0) }
    }

    private static func normalized(_ headers: HTTPHeaders, _ name: String) -> String? {
        let values = headers.values(named: name)
        guard !values.isEmpty else { return nil }
        return values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingWhitespace() }
            .joined(separator: ",")
    }

    /// Header fields a 304 never updates (RFC 9111 §3.1, §3.2): hop-by-hop and proxy fields,
    /// `Content-Length` (the 304 has no content), and `Content-Encoding` and `Content-Range`,
    /// because the stored body was already decoded and is whole.
    static let fieldsNotUpdated: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
        "proxy-authenticate", "proxy-authentication-info", "proxy-authorization",
        "content-length", "content-encoding", "content-range",
    ]

    /// The stored header fields updated with those of a 304 (RFC 9111 §3.2, §4.3.4).
    ///
    /// Every field of the 304 replaces all stored fields of that name (in place of the first one;
    /// new names are appended), except the fields in `fieldsNotUpdated` and those the 304's
    /// `Connection` names. Fields the 304 does not mention are kept. The body is not involved:
    /// the stored body stays as it is.
    public static func mergingNotModified(stored: HTTPHeaders, notModified: HTTPHeaders) -> HTTPHeaders {
        let connectionNames = notModified.values(named: "Connection")
            .flatMap { $0.split(separator: ",") }.map { $0.trimmingWhitespace().lowercased() }
        let excluded = fieldsNotUpdated.union(connectionNames)
        let updates = notModified.fields.filter { !excluded.contains($0.name.lowercased()) }
        let updatedNames = Set(updates.map { $0.name.lowercased() })
        var merged: [HTTPHeaderField] = []
        var placed: Set<String> = []
        for field in stored.fields {
            let name = field.name.lowercased()
            guard updatedNames.contains(name) else {
                merged.append(field)
                continue
            }
            if placed.insert(name).inserted {
                merged += updates.filter { $0.name.lowercased() == name }
            }
        }
        merged += updates.filter { !placed.contains($0.name.lowercased()) }
        return HTTPHeaders(merged)
    }

    /// The stored response after a successful revalidation: headers merged with the 304's and
    /// the times of the revalidating exchange, so its age starts again from the 304.
    ///
    /// Nil when the 304 does not describe the stored response (RFC 9111 §4.3.4): it carries an
    /// `ETag` that differs from the stored one (weak comparison: `W/` is ignored on both sides).
    /// The caller then fetches again without conditions. A 304 without `ETag` updates the
    /// stored response. The stored request headers are kept for `Vary`.
    public static func freshened(
        _ stored: StoredResponseMeta, notModified: HTTPHeaders, requestTime: Date, responseTime: Date
    ) -> StoredResponseMeta? {
        if let newTag = notModified["ETag"] {
            guard let storedTag = stored.responseHeaders["ETag"], opaqueTag(storedTag) == opaqueTag(newTag)
            else { return nil }
        }
        var result = stored
        result.responseHeaders = mergingNotModified(stored: stored.responseHeaders, notModified: notModified)
        result.requestTime = requestTime
        result.responseTime = responseTime
        return result
    }

    private static func opaqueTag(_ tag: String) -> String {
        let trimmed = tag.trimmingWhitespace()
        return trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed
    }
}
