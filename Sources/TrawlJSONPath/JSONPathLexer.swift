/// Splits a JSONPath query into tokens (RFC 9535 section 2 lexical rules).
///
/// The lexer knows every token of the full grammar, filters included, so adding filter and
/// function support later only touches the parser and the evaluator.
struct JSONPathLexer {
    let query: String
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ query: String) {
        self.query = query
        self.scalars = Array(query.unicodeScalars)
    }

    /// All tokens of the query, ending with ``JSONPathToken/Kind/end``.
    mutating func tokenize() throws(JSONPathError) -> [JSONPathToken] {
        var tokens: [JSONPathToken] = []
        while true {
            let whitespace = skipWhitespace()
            let start = position
            let kind = try nextKind()
            tokens.append(JSONPathToken(kind: kind, position: start, followsWhitespace: whitespace))
            if kind == .end { return tokens }
        }
    }

    private mutating func nextKind() throws(JSONPathError) -> JSONPathToken.Kind {
        guard let scalar = peek() else { return .end }
        position += 1
        switch scalar {
        case "$": return .root
        case "@": return .current
        case "[": return .openBracket
        case "]": return .closeBracket
        case "(": return .openParen
        case ")": return .closeParen
        case ",": return .comma
        case ":": return .colon
        case "*": return .star
        case "?": return .question
        case ".":
            if peek() == "." {
                position += 1
                return .doubleDot
            }
            return .dot
        case "=", "!", "<", ">":
            if peek() == "=" {
                position += 1
                return .op(String(scalar) + "=")
            }
            if scalar == "=" { throw error(.unexpectedToken, at: position - 1, "expected '=='") }
            return .op(String(scalar))
        case "&", "|":
            guard peek() == scalar else {
                throw error(.unexpectedToken, at: position - 1, "expected '\(scalar)\(scalar)'")
            }
            position += 1
            return .op(String(scalar) + String(scalar))
        case "'", "\"":
            return .string(try stringLiteral(quote: scalar))
        case "-", "0"..."9":
            position -= 1
            return .number(try numberLiteral())
        default:
            guard Self.isNameFirst(scalar) else {
                throw error(.unexpectedToken, at: position - 1, "unexpected character '\(scalar.escaped(asASCII: true))'")
            }
            var name = String(scalar)
            while let next = peek(), Self.isNameFirst(next) || ("0"..."9").contains(next) {
                name.unicodeScalars.append(next)
                position += 1
            }
            return .name(name)
        }
    }

    /// `-`? digits, then an optional fraction and exponent; validity is the parser's concern.
    private mutating func numberLiteral() throws(JSONPathError) -> String {
        let start = position
        if peek() == "-" { position += 1 }
        guard consumeDigits() else { throw error(.unexpectedToken, at: position, "expected a digit") }
        if peek() == ".", position + 1 < scalars.count, ("0"..."9").contains(scalars[position + 1]) {
            position += 1
            _ = consumeDigits()
        }
        if peek() == "e" || peek() == "E" {
            position += 1
            if peek() == "+" || peek() == "-" { position += 1 }
            guard consumeDigits() else { throw error(.unexpectedToken, at: position, "expected a digit") }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<position])
        return text
    }

    private mutating func consumeDigits() -> Bool {
        let start = position
        while let next = peek(), ("0"..."9").contains(next) { position += 1 }
        return position > start
    }

    /// Skips RFC 9535 blank space (space, tab, LF, CR); returns whether there was any.
    private mutating func skipWhitespace() -> Bool {
        let start = position
        while let next = peek(), next == " " || next == "\t" || next == "\n" || next == "\r" {
            position += 1
        }
        return position > start
    }

    func peek() -> Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    func error(_ code: JSONPathError.Code, at position: Int, _ message: String) -> JSONPathError {
        JSONPathError(code, query: query, position: position, message)
    }

    /// `name-first = ALPHA / "_" / %x80-D7FF / %xE000-10FFFF`
    static func isNameFirst(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
            || scalar.value >= 0x80
    }
}
