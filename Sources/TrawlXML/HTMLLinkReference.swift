/// One link reference as written in an HTML document, before any resolution.
public struct HTMLLinkReference: Sendable, Hashable {
    /// The element and attribute a reference came from.
    public enum Source: Sendable, Hashable {
        /// `<a href>`
        case anchor
        /// `<area href>`
        case area
        /// `<link href>`; check ``HTMLLinkReference/rel`` to tell `next` from `stylesheet`.
        case link
        /// `<iframe src>`
        case iframe
        /// `<frame src>`
        case frame
    }

    public let source: Source
    /// The attribute value exactly as written (entities decoded, whitespace kept).
    public let reference: String
    /// The element's `rel` attribute, if it has one.
    public let rel: String?

    public init(source: Source, reference: String, rel: String? = nil) {
        self.source = source
        self.reference = reference
        self.rel = rel
    }
}

/// Every link reference of an HTML document and its `<base href>`, unresolved.
public struct HTMLLinkReferences: Sendable, Hashable {
    /// The `href` of the first `<base>` element that has one.
    public var base: String?
    /// References in document order.
    public var references: [HTMLLinkReference]

    public init(base: String? = nil, references: [HTMLLinkReference] = []) {
        self.base = base
        self.references = references
    }
}
