import TrawlURL

/// A link that takes fields of its page along: the page it leads to writes them in its item.
///
/// For an item that spans pages (a Pokémon's name on its own page, its habitat on its species
/// page): the page holding the first part hands its fields on with its links instead of writing
/// an item, and the followed page's item holds those fields first, then its own. A page whose
/// output has any carrying link writes no item of its own.
public struct CarryingLink: Sendable, Hashable {
    /// The http(s) URL to crawl, already resolved against the page.
    public var url: WebURL
    /// The fields the followed page's item starts with, in order; may be empty (the page still
    /// writes no item, and fields it was itself carried pass on).
    public var fields: [Field]

    public init(url: WebURL, fields: [Field]) {
        self.url = url
        self.fields = fields
    }
}
