/// Splits a CSS selector into ``CSSToken``s, following the CSS Syntax tokenizer closely enough
/// for selectors: names with escapes, quoted strings, hashes, integers, attribute matchers,
/// whitespace runs (kept, since whitespace can be the descendant combinator) and comments
/// (dropped).
struct CSSSelectorLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ source: String) {
        // CSS Syntax replaces NUL with U+FFFD before tokenizing; libxml2 could not take it anyway.
        self.scalars = source.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }
    }

    /// Every token of the source, ending with one `.end` token.
    static func tokens(of source: String) throws(CSSSelectorError) -> [CSSToken] {
        var lexer = CSSSelectorLexer(source)
        var tokens: [CSSToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(CSSSelectorError) -> CSSToken {
        try skipComments()
        let start = index
        guard let scalar = peek() else { return token(.end, from: start) }
        if Self.isWhitespace(scalar) {
            while let next = peek(), Self.isWhitespace(next) {
                index += 1
                try skipComments()
            }
            return token(.whitespace, from: start)
        }
        if scalar == "\"" || scalar == "'" {
            return token(.string(try string(quote: scalar)), from: start)
        }
        if scalar == "#", startsName(at: index + 1) {
            index += 1
            return token(.hash(try name()), from: start)
        }
        if startsNumber(at: index) {
            return number(from: start)
        }
        if startsIdent(at: index) {
            let name = try name()
            if peek() == "(" {
                index += 1
                return token(.function(name), from: start)
            }
            return token(.ident(name), from: start)
        }
        if "~|^$*".unicodeScalars.contains(scalar), peek(at: index + 1) == "=" {
            index += 2
            return token(.matcher(String(scalar) + "="), from: start)
        }
        index += 1
        return token(.delimiter(scalar), from: start)
    }

    private func token(_ kind: CSSToken.Kind, from start: Int) -> CSSToken {
        CSSToken(kind: kind, column: start + 1, endColumn: index + 1)
    }

    // MARK: Pieces

    /// A quoted string starting at the quote; escapes decoded, escaped newlines dropped.
    private mutating func string(quote: Unicode.Scalar) throws(CSSSelectorError) -> String {
        let start = index
        index += 1
        var value = String.UnicodeScalarView()
        while let scalar = peek() {
            index += 1
            switch scalar {
            case quote:
                return String(value)
            case "\n", "\r", "\u{0C}":
                throw CSSSelectorError(column: index, message: "unexpected line break in a quoted string")
            case "\\":
                guard let escaped = peek() else { continue }
                if escaped == "\n" || escaped == "\u{0C}" {
                    index += 1
                } else if escaped == "\r" {
                    index += peek(at: index + 1) == "\n" ? 2 : 1
                } else {
                    value.append(escape())
                }
            default:
                value.append(scalar)
            }
        }
        throw CSSSelectorError(column: start + 1, message: "unterminated quoted string; expected \(quote)")
    }

    /// A name (identifier characters and escapes) starting at the current position.
    private mutating func name() throws(CSSSelectorError) -> String {
        var value = String.UnicodeScalarView()
        while let scalar = peek() {
            if scalar == "\\" {
                guard isValidEscape(at: index) else {
                    throw CSSSelectorError(column: index + 1, message: "invalid escape: a backslash must not end a name")
                }
                index += 1
                value.append(escape())
            } else if Self.isNameScalar(scalar) {
                index += 1
                value.append(scalar)
            } else {
                break
            }
        }
        return String(value)
    }

    /// The character after a backslash: up to six hex digits (and one following whitespace)
    /// name a code point; any other character stands for itself.
    private mutating func escape() -> Unicode.Scalar {
        guard let first = peek() else { return "\u{FFFD}" }
        guard first.properties.isASCIIHexDigit else {
            index += 1
            return first
        }
        var code: UInt32 = 0
        var digits = 0
        while digits < 6, let digit = peek(), let value = Self.hexValue(digit) {
            code = code * 16 + value
            digits += 1
            index += 1
        }
        if let next = peek(), Self.isWhitespace(next) {
            index += next == "\r" && peek(at: index + 1) == "\n" ? 2 : 1
        }
        guard code != 0, let scalar = Unicode.Scalar(code) else { return "\u{FFFD}" }
        return scalar
    }

    /// An integer with an optional sign, or a dimension when a name follows it (`2n-1`).
    private mutating func number(from start: Int) -> CSSToken {
        if let sign = peek(), sign == "+" || sign == "-" { index += 1 }
        while let digit = peek(), Self.isDigit(digit) { index += 1 }
        let digitsEnd = index
        if startsIdent(at: index) {
            // The unit of a dimension; escapes there are not worth decoding for An+B.
            while let scalar = peek(), Self.isNameScalar(scalar) { index += 1 }
            return token(.dimension(text(from: start)), from: start)
        }
        index = digitsEnd
        return token(.number(text(from: start)), from: start)
    }

    private mutating func skipComments() throws(CSSSelectorError) {
        while peek() == "/", peek(at: index + 1) == "*" {
            let start = index
            index += 2
            while true {
                guard peek() != nil else {
                    throw CSSSelectorError(column: start + 1, message: "unterminated comment; expected '*/'")
                }
                if peek() == "*", peek(at: index + 1) == "/" {
                    index += 2
                    break
                }
                index += 1
            }
        }
    }

    // MARK: Lookahead

    private func peek(at position: Int? = nil) -> Unicode.Scalar? {
        let position = position ?? index
        return position < scalars.count ? scalars[position] : nil
    }

    private func text(from start: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<index])
        return String(view)
    }

    private func isValidEscape(at position: Int) -> Bool {
        guard peek(at: position) == "\\", let next = peek(at: position + 1) else { return false }
        return next != "\n" && next != "\r" && next != "\u{0C}"
    }

    private func startsName(at position: Int) -> Bool {
        guard let scalar = peek(at: position) else { return false }
        return Self.isNameScalar(scalar) || isValidEscape(at: position)
    }

    private func startsIdent(at position: Int) -> Bool {
        guard let scalar = peek(at: position) else { return false }
        if scalar == "-" {
            guard let next = peek(at: position + 1) else { return false }
            return next == "-" || Self.isNameStart(next) || isValidEscape(at: position + 1)
        }
        return Self.isNameStart(scalar) || isValidEscape(at: position)
    }

    private func startsNumber(at position: Int) -> Bool {
        guard let scalar = peek(at: position) else { return false }
        if scalar == "+" || scalar == "-" {
            return peek(at: position + 1).map(Self.isDigit) ?? false
        }
        return Self.isDigit(scalar)
    }

    // MARK: Character classes

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || !scalar.isASCII
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || isDigit(scalar) || scalar == "-"
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f": return scalar.value - 87
        case "A"..."F": return scalar.value - 55
        default: return nil
        }
    }
}
