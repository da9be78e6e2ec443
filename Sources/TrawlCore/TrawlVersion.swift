/// Trawl's version, used in the default User-Agent and `trawl --version`.
public enum TrawlVersion {
    public static let current = "0.1.0"
    /// `Trawl/<version>`, naming the crawler so site owners can recognise it.
    public static let defaultUserAgent = "Trawl/\(current) (web crawler)"
}
