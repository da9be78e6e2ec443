import Testing

@testable import TrawlStore

/// The zstd context owners: round trips, and damage detected rather than returned.
@Suite struct ZstdCompressorTests {
    static func roundTrip(_ input: [UInt8]) throws -> [UInt8] {
        let frame = try ZstdCompressor().compress(input)
        return try frame.withUnsafeBytes { try ZstdDecompressor().decompress($0, size: input.count) }
    }

    @Test("empty, tiny, repetitive and random inputs round-trip")
    func roundTrips() throws {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for input in [[], [42], Array(repeating: 7, count: 1 << 20), random] {
            #expect(try Self.roundTrip(input) == input)
        }
    }

    @Test("a damaged frame or a wrong size throws instead of returning bytes")
    func damage() throws {
        let input = Array("<html>".utf8) + Array(repeating: 0x61, count: 4_000)
        var frame = try ZstdCompressor().compress(input)
        let decompressor = try ZstdDecompressor()
        #expect(throws: ZstdError.self) {
            try frame.withUnsafeBytes { try decompressor.decompress($0, size: input.count - 1) }
        }
        frame[frame.count / 2] ^= 0xFF
        frame[frame.count - 1] ^= 0xFF
        #expect(throws: ZstdError.self) {
            try frame.withUnsafeBytes { try decompressor.decompress($0, size: input.count) }
        }
        #expect(throws: ZstdError.self) {
            try [UInt8](repeating: 1, count: 64).withUnsafeBytes { try decompressor.decompress($0, size: 10) }
        }
    }
}
