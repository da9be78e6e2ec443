extension JSONByteParser {
    /// Parses a string literal starting at the opening quote; leaves `position` after the closing one.
    mutating func parseString() throws(JSONParseError) -> String {
        let start = position + 1
        var index = start
        var nonASCII: UInt8 = 0
        // Fast path: no escapes, so the string is a slice of the input.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return try makeString(UnsafeBufferPointer(rebasing: bytes[start..<index]),
                                      at: start, ascii: nonASCII < 0x80)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(at: index) }
            nonASCII |= byte
            index += 1
        }
        guard index < bytes.count else { throw unexpectedEnd() }
        return try parseEscapedString(start: start, firstEscape: index)
    }

    /// The slow path: copies into `scratch`, decoding escapes, from the first backslash on.
    private mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<firstEscape]))
        var index = firstEscape
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                let result: String? = scratch.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
                guard let result else {
                    throw JSONParseError(.invalidUTF8, at: start, "string is not valid UTF-8")
                }
                return result
            }
            if byte < 0x20 { throw controlCharacter(at: index) }
            if byte != UInt8(ascii: "\\") {
                scratch.append(byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { throw unexpectedEnd() }
            let escaped = bytes[index + 1]
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escaped)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                index = try appendUnicodeEscape(at: index)
                continue
            default:
                throw JSONParseError(.invalidString, at: index, "invalid escape sequence")
            }
            index += 2
        }
        throw unexpectedEnd()
    }

    /// Decodes `\uXXXX` (and a following low surrogate) at `index`; returns the index after it.
    private mutating func appendUnicodeEscape(at index: Int) throws(JSONParseError) -> Int {
        let unit = try hexQuad(at: index + 2)
        var scalarValue = UInt32(unit)
        var next = index + 6
        if (0xDC00...0xDFFF).contains(unit) {
            throw JSONParseError(.invalidString, at: index, "lone low surrogate")
        }
        if (0xD800...0xDBFF).contains(unit) {
            guard next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"),
                bytes[next + 1] == UInt8(ascii: "u")
            else { throw JSONParseError(.invalidString, at: index, "lone high surrogate") }
            let low = try hexQuad(at: next + 2)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONParseError(.invalidString, at: index, "lone high surrogate")
            }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw JSONParseError(.invalidString, at: index, "invalid \\u escape")
        }
        if let encoded = UTF8.encode(scalar) { scratch.append(contentsOf: encoded) }
        return next
    }

    /// Reads four hex digits at `index`.
    private func hexQuad(at index: Int) throws(JSONParseError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw unexpectedEnd() }
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw JSONParseError(.invalidString, at: index + offset, "expected a hex digit")
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private func makeString(
        _ slice: UnsafeBufferPointer<UInt8>, at offset: Int, ascii: Bool
    ) throws(JSONParseError) -> String {
        if ascii { return String(decoding: slice, as: UTF8.self) }
        guard let string = String(validating: slice, as: UTF8.self) else {
            throw JSONParseError(.invalidUTF8, at: offset, "string is not valid UTF-8")
        }
        return string
    }

    private func controlCharacter(at index: Int) -> JSONParseError {
        JSONParseError(.invalidString, at: index, "unescaped control character in string")
    }
}
