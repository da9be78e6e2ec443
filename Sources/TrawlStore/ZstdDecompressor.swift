import CTrawlZstd

/// The owner of one `ZSTD_DCtx`, freed in `deinit`. Not Sendable: the reader queue owns it.
final class ZstdDecompressor {
    private let context: OpaquePointer

    /// Creates the context (`ZSTD_createDCtx`). Its default window limit, 2^27, matches
    /// ``ZstdCompressor/windowLog``: a frame asking for more is refused, not allocated.
    init() throws(ZstdError) {
        guard let context = ZSTD_createDCtx() else {
            throw ZstdError(operation: "ZSTD_createDCtx", message: "out of memory")
        }
        self.context = context
    }

    deinit {
        ZSTD_freeDCtx(context)
    }

    /// Decompresses one frame that must hold exactly `size` bytes (`ZSTD_decompressDCtx`);
    /// a frame compressed with a prefix needs the same `prefix` (`ZSTD_DCtx_refPrefix`, used
    /// for this frame only).
    ///
    /// The size comes from the pack's row, so a damaged frame can never make this allocate more.
    func decompress(_ frame: UnsafeRawBufferPointer, size: Int, prefix: [UInt8]? = nil) throws(ZstdError) -> [UInt8] {
        var result = 0
        var output: [UInt8] = []
        let decompressFrame = { (prefixStart: UnsafeRawPointer?, prefixCount: Int) in
            if let prefixStart {
                result = ZSTD_DCtx_refPrefix(self.context, prefixStart, prefixCount)
                if ZSTD_isError(result) != 0 { return }
            }
            output = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                result = ZSTD_decompressDCtx(self.context, buffer.baseAddress, size, frame.baseAddress, frame.count)
                count = ZSTD_isError(result) != 0 ? 0 : result
            }
        }
        if let prefix {
            prefix.withUnsafeBytes { decompressFrame($0.baseAddress, $0.count) }
        } else {
            decompressFrame(nil, 0)
        }
        try ZstdError.check(result, "decompress \(frame.count) bytes")
        guard result == size else {
            throw ZstdError(operation: "decompress", message: "\(result) bytes where the pack says \(size)")
        }
        return output
    }
}

/// Confined to one thread or queue at a time; see the type's documentation.
@available(*, unavailable)
extension ZstdDecompressor: Sendable {}
