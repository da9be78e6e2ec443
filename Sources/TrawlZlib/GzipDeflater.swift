import CTrawlZlib

/// Compresses bytes into complete gzip members (RFC 1952) with zlib's deflate.
///
/// One z_stream, reset between members, so writing many small members (a `.warc.gz` holds one
/// per record) does not allocate zlib's state each time. Not Sendable: one thread at a time.
package final class GzipDeflater {
    private let stream: UnsafeMutablePointer<z_stream>

    /// zlib's default, the level `gzip` uses: about as small as level 9 at several times its speed.
    package static let defaultLevel: Int32 = 6

    /// Calls `deflateInit2` with gzip framing, the largest window and `level` (0-9).
    package init(level: Int32 = GzipDeflater.defaultLevel) throws(ZlibError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = trawl_deflate_init_gzip(stream, level)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw ZlibError("deflateInit2 failed (\(status))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// `input` as one complete gzip member: header, deflate stream, CRC-32 and size.
    package func member(_ input: [UInt8]) throws(ZlibError) -> [UInt8] {
        guard deflateReset(stream) == Z_OK else { throw ZlibError("deflateReset failed") }
        let bound = Int(deflateBound(stream, uLong(input.count))) + 32
        var status: Int32 = Z_OK
        var output = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            input.withUnsafeBufferPointer { source in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = uInt(bound)
                status = deflate(stream, Z_FINISH)
                count = bound - Int(stream.pointee.avail_out)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
            }
        }
        // deflateBound guarantees room for a single Z_FINISH call.
        guard status == Z_STREAM_END else {
            output.removeAll()
            throw ZlibError("deflate did not finish (\(status))")
        }
        return output
    }
}

@available(*, unavailable)
extension GzipDeflater: Sendable {}
