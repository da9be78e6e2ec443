import TrawlCore

extension Substring {
    /// The text without leading and trailing whitespace, as TrawlCore's `String` version.
    func trimmingWhitespace() -> String {
        String(self).trimmingWhitespace()
    }
}
