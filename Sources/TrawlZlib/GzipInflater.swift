import CTrawlZlib

/// Owns one zlib `z_stream` set up for gzip inflation and frees it with `inflateEnd` in deinit.
///
/// Not Sendable: a z_stream is used by one thread at a time; each input gets its own.
package final class GzipInflater {
    private let stream: UnsafeMutablePointer<z_stream>

    /// Calls `inflateInit2` with gzip framing and the largest window.
    package init() throws(ZlibError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = trawl_inflate_init_gzip(stream)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw ZlibError("inflateInit2 failed (\(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Inflates `input`, appending at most `limit` bytes of output to `output`.
    ///
    /// Output is produced in 64 KiB steps, so memory never exceeds `limit` plus one step however
    /// much the input expands (a gzip bomb stops at the bound). Concatenated gzip members are
    /// inflated one after another, as `gunzip` does.
    /// - Returns: true when output stopped at `limit` with more to come (the rest is skipped).
    /// - Throws: ``ZlibError`` for corrupt or cut-off gzip data.
    package func inflate(_ input: [UInt8], into output: inout [UInt8], limit: Int) throws(ZlibError) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let result: Result<Bool, ZlibError> = input.withUnsafeBufferPointer { inputBuffer in
            guard let base = inputBuffer.baseAddress else {
                return .failure(ZlibError("empty gzip data"))
            }
            stream.pointee.next_in = UnsafeMutablePointer(mutating: base)
            stream.pointee.avail_in = uInt(inputBuffer.count)
            defer {
                stream.pointee.next_in = nil
                stream.pointee.avail_in = 0
            }
            while true {
                let room = min(chunk.count, limit - output.count)
                if room <= 0 { return .success(true) }
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = uInt(room)
                    let status = CTrawlZlib.inflate(stream, Z_NO_FLUSH)
                    return (status, room - Int(stream.pointee.avail_out))
                }
                output.append(contentsOf: chunk[..<produced])
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    // Another member may follow; trailing garbage after the last one is ignored.
                    guard stream.pointee.avail_in >= 2, stream.pointee.next_in[0] == 0x1F,
                        stream.pointee.next_in[1] == 0x8B, inflateReset(stream) == Z_OK
                    else { return .success(false) }
                case Z_BUF_ERROR where produced == 0:
                    // No progress possible: the input ended inside the stream.
                    return .failure(ZlibError("gzip data cut off after \(output.count) bytes"))
                case Z_BUF_ERROR:
                    continue
                default:
                    let detail = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                    return .failure(ZlibError("corrupt gzip data: \(detail)"))
                }
            }
        }
        return try result.get()
    }
}

@available(*, unavailable)
extension GzipInflater: Sendable {}
