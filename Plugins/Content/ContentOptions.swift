/// How a ``ContentExtractor`` writes what it finds.
///
/// A plain value, Sendable; build it once and share it between tasks.
public struct ContentOptions: Sendable, Hashable {
    /// What becomes of `<a href>` in the Markdown.
    public enum LinkMode: String, Sendable, Hashable, CaseIterable {
        /// `[text](absolute-url)`.
        case keep
        /// The link's text only.
        case text
        /// Neither the link nor its text.
        case drop
    }

    /// What becomes of links; ``LinkMode/keep`` by default.
    public var links: LinkMode
    /// Whether images are written as `![alt](absolute-url)`; on by default.
    public var images: Bool
    /// Whether to look for the main content; when off, the whole body is written (only
    /// scripts, styles, form controls and the like left out). On by default.
    public var detectsMainContent: Bool

    public init(links: LinkMode = .keep, images: Bool = true, detectsMainContent: Bool = true) {
        self.links = links
        self.images = images
        self.detectsMainContent = detectsMainContent
    }
}
