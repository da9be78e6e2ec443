extension JSONPathLexer {
    /// Reads a string literal after its opening `quote`, decoding RFC 9535 escapes.
    ///
    /// Inside `'…'` a `"` needs no escape and `\"` is an error, and the other way round
    /// inside `"…"`. Control characters below U+0020 must be escaped.
    mutating func stringLiteral(quote: Unicode.Scalar) throws(JSONPathError) -> String {
        var result = ""
        while let scalar = peek() {
            let start = position
            position += 1
            if scalar == quote { return result }
            if scalar.value < 0x20 {
                throw error(.invalidString, at: start, "unescaped control character in string")
            }
            guard scalar == "\\" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            guard let escaped = peek() else { break }
            position += 1
            switch escaped {
            case "b": result += "\u{08}"
            case "f": result += "\u{0C}"
            case "n": result += "\n"
            case "r": result += "\r"
            case "t": result += "\t"
            case "/", "\\": result.unicodeScalars.append(escaped)
            case quote: result.unicodeScalars.append(escaped)
            case "u": result.unicodeScalars.append(try unicodeEscape(start: start))
            default: throw error(.invalidString, at: start, "invalid escape sequence")
            }
        }
        throw error(.unexpectedEnd, at: scalars.count, "unexpected end")
    }

    /// Decodes the hex digits after `\u`, including a following `\uDC00`–`\uDFFF` low surrogate.
    private mutating func unicodeEscape(start: Int) throws(JSONPathError) -> Unicode.Scalar {
        let unit = try hexQuad()
        if (0xDC00...0xDFFF).contains(unit) {
            throw error(.invalidString, at: start, "lone low surrogate")
        }
        var value = unit
        if (0xD800...0xDBFF).contains(unit) {
            guard peek() == "\\", position + 1 < scalars.count, scalars[position + 1] == "u" else {
                throw error(.invalidString, at: start, "lone high surrogate")
            }
            position += 2
            let low = try hexQuad()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error(.invalidString, at: start, "lone high surrogate")
            }
            value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error(.invalidString, at: start, "invalid \\u escape")
        }
        return scalar
    }

    private mutating func hexQuad() throws(JSONPathError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = peek() else {
                throw error(.unexpectedEnd, at: scalars.count, "unexpected end")
            }
            guard scalar.isASCII, let digit = UInt32(String(scalar), radix: 16) else {
                throw error(.invalidString, at: position, "expected a hex digit")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}
