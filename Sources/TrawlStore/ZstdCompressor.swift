import CTrawlZstd

/// The owner of one `ZSTD_CCtx`, freed in `deinit`, set up for body packs.
///
/// Level 3 with long-distance matching and a window of up to 2^27 bytes: crawled pages share
/// templates far apart in a pack, which the regular match finder misses. Measured on 4 MiB packs
/// of benchmark pages: 4.60 MB with long-distance matching, 6.38 MB without (same window);
/// level 4 gains 0.2 %, level 1 loses 10 %.
/// zstd shrinks the window to the input size, so a small pack costs a small window to decode.
/// Every frame carries a checksum, so a damaged pack fails to decompress instead of
/// returning wrong bytes. Not Sendable: the writer queue owns it.
final class ZstdCompressor {
    private let context: OpaquePointer

    /// The level packs are written at: fast enough to keep up with a crawl on one core.
    static let level: Int32 = 3
    /// The largest window a pack may use; also the largest a default decoder accepts.
    static let windowLog: Int32 = 27

    /// Creates the context (`ZSTD_createCCtx`) and sets its parameters (`ZSTD_CCtx_setParameter`).
    init() throws(ZstdError) {
        guard let context = ZSTD_createCCtx() else {
            throw ZstdError(operation: "ZSTD_createCCtx", message: "out of memory")
        }
        self.context = context
        try set(ZSTD_c_compressionLevel, Self.level, "compressionLevel")
        try set(ZSTD_c_enableLongDistanceMatching, 1, "enableLongDistanceMatching")
        try set(ZSTD_c_windowLog, Self.windowLog, "windowLog")
        try set(ZSTD_c_checksumFlag, 1, "checksumFlag")
    }

    deinit {
        ZSTD_freeCCtx(context)
    }

    private func set(_ parameter: ZSTD_cParameter, _ value: Int32, _ name: String) throws(ZstdError) {
        try ZstdError.check(ZSTD_CCtx_setParameter(context, parameter, value), "set \(name)=\(value)")
    }

    /// Compresses `input` into one frame (`ZSTD_compress2`), which records the input size.
    ///
    /// With a `prefix` (`ZSTD_CCtx_refPrefix`, raw content, for this frame only) the frame may
    /// refer back into those bytes as if they preceded the input, so a small pack of a host's
    /// pages compresses about as well as if it sat at the end of the host's base pack; it can
    /// only be decompressed with the same prefix.
    func compress(_ input: [UInt8], prefix: [UInt8]? = nil) throws(ZstdError) -> [UInt8] {
        let bound = ZSTD_compressBound(input.count)
        var result = 0
        var output: [UInt8] = []
        let compressFrame = { (prefixStart: UnsafeRawPointer?, prefixCount: Int) in
            if let prefixStart {
                result = ZSTD_CCtx_refPrefix(self.context, prefixStart, prefixCount)
                if ZSTD_isError(result) != 0 { return }
            }
            output = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
                result = input.withUnsafeBytes { source in
                    ZSTD_compress2(self.context, buffer.baseAddress, bound, source.baseAddress, source.count)
                }
                count = ZSTD_isError(result) != 0 ? 0 : result
            }
        }
        if let prefix {
            prefix.withUnsafeBytes { compressFrame($0.baseAddress, $0.count) }
        } else {
            compressFrame(nil, 0)
        }
        try ZstdError.check(result, "compress \(input.count) bytes")
        return output
    }
}

/// Confined to one thread or queue at a time; see the type's documentation.
@available(*, unavailable)
extension ZstdCompressor: Sendable {}
