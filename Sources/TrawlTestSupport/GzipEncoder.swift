/// A small gzip writer for test fixtures: Foundation on Linux has no gzip encoder, and tests
/// must not link zlib (one Swift target imports each C library).
///
/// It writes one fixed-Huffman deflate block. Literal bytes are stored as literals; a
/// ``Part/repeated(_:count:)`` part after its first copy is stored as 258-byte back-references,
/// so megabytes of repetition (a gzip bomb) cost a few kilobytes. Correct for any input, though
/// it compresses nothing but repetition.
public enum GzipEncoder {
    /// A piece of the uncompressed content.
    public enum Part: Sendable {
        case bytes([UInt8])
        /// `pattern` written `count` times (the pattern at most 32 KiB, deflate's window).
        case repeated([UInt8], count: Int)
    }

    /// The gzip file (RFC 1952) whose content is `text`.
    public static func compress(_ text: String) -> [UInt8] {
        compress([.bytes(Array(text.utf8))])
    }

    /// The gzip file (RFC 1952) whose content is the parts, in order.
    public static func compress(_ parts: [Part]) -> [UInt8] {
        var bits = BitWriter()
        var crc = CRC32()
        var size: UInt32 = 0
        bits.write(1, count: 1)  // BFINAL
        bits.write(1, count: 2)  // BTYPE 01: fixed Huffman codes
        for part in parts {
            switch part {
            case .bytes(let bytes):
                for byte in bytes { bits.literal(byte) }
                crc.update(bytes)
                size &+= UInt32(truncatingIfNeeded: bytes.count)
            case .repeated(let pattern, let count):
                guard !pattern.isEmpty, pattern.count <= 32768, count > 0 else { continue }
                for byte in pattern { bits.literal(byte) }
                var remaining = pattern.count * (count - 1)
                var offset = 0
                while remaining >= 258 {
                    bits.match258(distance: pattern.count)
                    remaining -= 258
                    offset = (offset + 258) % pattern.count
                }
                for index in 0..<remaining { bits.literal(pattern[(offset + index) % pattern.count]) }
                crc.update(pattern, times: count)
                size &+= UInt32(truncatingIfNeeded: pattern.count * count)
            }
        }
        bits.huffman(0, length: 7)  // end of block (symbol 256)
        var output: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        output += bits.finish()
        for value in [crc.value, size] {
            output += [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: value >> $0) }
        }
        return output
    }

    /// Deflate's bit order: values least-significant bit first, Huffman codes most-significant first.
    private struct BitWriter {
        private var bytes: [UInt8] = []
        private var buffer: UInt32 = 0
        private var used = 0

        mutating func write(_ value: UInt32, count: Int) {
            for bit in 0..<count {
                buffer |= ((value >> UInt32(bit)) & 1) << UInt32(used)
                used += 1
                if used == 8 {
                    bytes.append(UInt8(buffer))
                    buffer = 0
                    used = 0
                }
            }
        }

        mutating func huffman(_ code: UInt32, length: Int) {
            var reversed: UInt32 = 0
            for bit in 0..<length { reversed |= ((code >> UInt32(bit)) & 1) << UInt32(length - 1 - bit) }
            write(reversed, count: length)
        }

        mutating func literal(_ byte: UInt8) {
            if byte < 144 {
                huffman(0x30 + UInt32(byte), length: 8)
            } else {
                huffman(0x190 + UInt32(byte) - 144, length: 9)
            }
        }

        /// Length 258 (symbol 285, no extra bits) at `distance` (1...32768).
        mutating func match258(distance: Int) {
            huffman(0xC0 + 5, length: 8)
            var code = 0
            while code + 1 < Self.distanceBases.count, Self.distanceBases[code + 1] <= distance { code += 1 }
            huffman(UInt32(code), length: 5)
            let extra = code < 4 ? 0 : code / 2 - 1
            write(UInt32(distance - Self.distanceBases[code]), count: extra)
        }

        static let distanceBases = [
            1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
            4097, 6145, 8193, 12289, 16385, 24577,
        ]

        mutating func finish() -> [UInt8] {
            if used > 0 { bytes.append(UInt8(buffer)) }
            return bytes
        }
    }

    /// CRC-32 (IEEE 802.3, reflected), as gzip's trailer holds it.
    private struct CRC32 {
        private static let table: [UInt32] = (0..<256).map { index in
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
            return value
        }
        private var state: UInt32 = 0xFFFF_FFFF

        mutating func update(_ bytes: [UInt8]) {
            // Unsafe buffers: tests run unoptimized, and a bomb fixture is tens of megabytes.
            var crc = state
            Self.table.withUnsafeBufferPointer { table in
                bytes.withUnsafeBufferPointer { input in
                    for byte in input { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
                }
            }
            state = crc
        }

        /// `bytes` repeated `times` times, fed in blocks of about 1 MiB.
        mutating func update(_ bytes: [UInt8], times: Int) {
            let perBlock = max(1, (1 << 20) / bytes.count)
            let block = Array([[UInt8]](repeating: bytes, count: min(perBlock, times)).joined())
            var remaining = times
            while remaining >= perBlock {
                update(block)
                remaining -= perBlock
            }
            for _ in 0..<remaining { update(bytes) }
        }

        var value: UInt32 { state ^ 0xFFFF_FFFF }
    }
}
