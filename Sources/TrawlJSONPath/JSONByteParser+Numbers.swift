extension JSONByteParser {
    /// Validates a number at `position` against the RFC 8259 grammar and returns its literal text.
    ///
    /// `number = [ "-" ] ( "0" / digit1-9 *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]`
    mutating func parseNumber() throws(JSONParseError) -> String {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw unexpectedEnd() }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw JSONParseError(.invalidNumber, at: position, "leading zeros are not allowed")
            }
        } else {
            try digits(required: "expected a digit")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            try digits(required: "expected a digit after '.'")
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count,
                bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
            {
                position += 1
            }
            try digits(required: "expected a digit in the exponent")
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// Consumes one or more digits.
    private mutating func digits(required message: String) throws(JSONParseError) {
        guard position < bytes.count else { throw unexpectedEnd() }
        guard isDigit(bytes[position]) else {
            throw JSONParseError(.invalidNumber, at: position, message)
        }
        repeat { position += 1 } while position < bytes.count && isDigit(bytes[position])
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
