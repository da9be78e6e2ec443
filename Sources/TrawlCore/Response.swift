import Foundation

/// One HTTP exchange as received: a single hop, never a followed redirect.
///
/// Trawl follows redirects itself, so a 301 is a `Response` of its own with a `Location` header.
public struct Response: Sendable, Hashable {
    /// The absolute URL that was requested.
    public var requestedURL: String
    /// The URL libcurl reports as effective (equal to `requestedURL`, since libcurl never follows).
    public var finalURL: String
    public var status: Int
    public var headers: HTTPHeaders
    /// The body after content decoding (gzip, br, …), at most the configured maximum.
    public var body: [UInt8]
    /// When the response was received.
    public var fetchedAt: Date
    /// Seconds from the start of the request to the end of the body.
    public var elapsed: Double

    public init(
        requestedURL: String, finalURL: String? = nil, status: Int, headers: HTTPHeaders = [],
        body: [UInt8] = [], fetchedAt: Date = Date(), elapsed: Double = 0
    ) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL ?? requestedURL
        self.status = status
        self.headers = headers
        self.body = body
        self.fetchedAt = fetchedAt
        self.elapsed = elapsed
    }

    /// True for 301, 302, 303, 307 and 308 with a `Location` header.
    public var isRedirect: Bool {
        [301, 302, 303, 307, 308].contains(status) && headers["Location"] != nil
    }

    /// The media type from `Content-Type`, lowercased, without parameters.
    public var mediaType: String? {
        MediaType(headers["Content-Type"])?.essence
    }
}

/// A parsed `Content-Type` value: the essence (`text/html`) and its `charset`, if any.
public struct MediaType: Sendable, Hashable {
    public var essence: String
    public var charset: String?

    public init?(_ header: String?) {
        guard let header else { return nil }
        let parts = header.split(separator: ";")
        guard let first = parts.first else { return nil }
        let essence = first.trimmingCharacters(in: .whitespaces).lowercased()
        guard !essence.isEmpty else { return nil }
        self.essence = essence
        self.charset = parts.dropFirst().lazy.compactMap { parameter -> String? in
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2,
                pair[0].trimmingCharacters(in: .whitespaces).caseInsensitiveEquals("charset")
            else { return nil }
            return pair[1].trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }.first
    }

    /// `text/html` and `application/xhtml+xml`.
    public var isHTML: Bool { essence == "text/html" || essence == "application/xhtml+xml" }

    /// `application/json` and any `+json` type.
    public var isJSON: Bool { essence == "application/json" || essence.hasSuffix("+json") }
}
