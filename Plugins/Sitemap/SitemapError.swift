/// A sitemap that cannot be read at all: the page is recorded as failed (`processing`).
public struct SitemapError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, short label for the kind of failure.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The body starts like gzip but does not inflate (corrupt or cut off).
        public static let gzip = Code(rawValue: "gzip")
    }

    public var code: Code
    /// Human-readable detail, for example `corrupt gzip data: invalid block type`.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
