/// One gzip member (RFC 1952) holding bytes in stored, uncompressed deflate blocks (RFC 1951
/// BTYPE 00).
///
/// Why stored: a `.warc.gz` must be a series of gzip members, one per record, so that readers
/// can seek to a record; any gzip reader (warcio, zcat) reads stored blocks. Writing them needs
/// no compression library, which keeps zlib imported by one target only. The cost is size:
/// the file is as large as the records plus 5 bytes per 64 KiB and 18 per record.
enum GzipMember {
    /// The largest stored block deflate allows.
    private static let maxBlock = 65_535

    /// `bytes` framed as one complete gzip member.
    static func wrap(_ bytes: [UInt8]) -> [UInt8] {
        // ID1 ID2, CM = deflate, no flags, no mtime, no extra flags, OS = unknown.
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]
        out.reserveCapacity(bytes.count + bytes.count / maxBlock * 5 + 32)
        var start = 0
        repeat {
            let end = min(bytes.count, start + maxBlock)
            let length = UInt16(end - start)
            out.append(end == bytes.count ? 1 : 0)  // BFINAL on the last block, BTYPE 00
            out.append(contentsOf: littleEndian(length))
            out.append(contentsOf: littleEndian(~length))
            out.append(contentsOf: bytes[start..<end])
            start = end
        } while start < bytes.count
        out.append(contentsOf: littleEndian(CRC32.checksum(bytes)))
        out.append(contentsOf: littleEndian(UInt32(truncatingIfNeeded: bytes.count)))
        return out
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}
