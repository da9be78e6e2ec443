import TrawlZlib

/// One gzip inflation for one page: TrawlZlib's ``GzipInflater`` with its errors reported as
/// ``SitemapError/Code/gzip``.
///
/// Not Sendable: each page gets its own.
final class GzipStream {
    private let inflater: GzipInflater

    init() throws(SitemapError) {
        do {
            inflater = try GzipInflater()
        } catch {
            throw SitemapError(.gzip, error.message)
        }
    }

    /// Inflates `input`, appending at most `limit` bytes of output to `output`; see
    /// ``GzipInflater/inflate(_:into:limit:)``.
    /// - Returns: true when output stopped at `limit` with more to come (the rest is skipped).
    /// - Throws: ``SitemapError/Code/gzip`` for corrupt or cut-off gzip data.
    func inflate(_ input: [UInt8], into output: inout [UInt8], limit: Int) throws(SitemapError) -> Bool {
        do {
            return try inflater.inflate(input, into: &output, limit: limit)
        } catch {
            throw SitemapError(.gzip, error.message)
        }
    }
}

@available(*, unavailable)
extension GzipStream: Sendable {}
