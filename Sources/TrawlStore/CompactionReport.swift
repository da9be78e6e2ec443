/// What ``SQLiteCrawlStore/compact()`` did.
public struct CompactionReport: Sendable, Hashable {
    /// Packs that held bodies no response uses any more, rewritten with only the live ones.
    public var packsRewritten: Int
    /// Packs deleted outright because no blob pointed into them.
    public var packsDeleted: Int
    /// Compressed pack bytes before and after.
    public var storedBytesBefore: Int64
    public var storedBytesAfter: Int64

    public init(packsRewritten: Int, packsDeleted: Int, storedBytesBefore: Int64, storedBytesAfter: Int64) {
        self.packsRewritten = packsRewritten
        self.packsDeleted = packsDeleted
        self.storedBytesBefore = storedBytesBefore
        self.storedBytesAfter = storedBytesAfter
    }
}
