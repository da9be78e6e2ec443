/// Turns tokens into segments (RFC 9535 section 2 grammar), enforcing the whitespace rules.
///
/// `jsonpath-query = root-identifier *(S segment)`; the filter grammar is in
/// `JSONPathParser+Filter.swift`.
struct JSONPathParser {
    /// The largest integer RFC 9535 allows in an index or slice: 2^53 − 1.
    static let maximumInteger = 9_007_199_254_740_991

    private let query: String
    private let tokens: [JSONPathToken]
    /// How deeply filter expressions are nested right now (see ``maximumNesting``).
    var nesting = 0
    var index = 0

    init(query: String, tokens: [JSONPathToken]) {
        self.query = query
        self.tokens = tokens
    }

    /// Parses a whole query.
    static func parse(_ query: String) throws(JSONPathError) -> [JSONPathSegment] {
        var lexer = JSONPathLexer(query)
        var parser = JSONPathParser(query: query, tokens: try lexer.tokenize())
        return try parser.parseQuery()
    }

    var current: JSONPathToken {
        tokens[min(index, tokens.count - 1)]
    }

    mutating func advance() -> JSONPathToken {
        let token = current
        index += 1
        return token
    }

    private mutating func parseQuery() throws(JSONPathError) -> [JSONPathSegment] {
        let first = advance()
        if first.followsWhitespace {
            throw error(.whitespace, at: 0, "leading whitespace")
        }
        guard first.kind == .root else { throw unexpected(first, expected: "'$'") }
        let segments = try parseSegments()
        let token = current
        guard token.kind == .end else { throw unexpected(token, expected: "'.', '..' or '['") }
        if token.followsWhitespace {
            throw error(.whitespace, at: token.position, "trailing whitespace")
        }
        return segments
    }

    /// `segments = *(S segment)`: as many segments as follow, after `$` or `@`.
    mutating func parseSegments() throws(JSONPathError) -> [JSONPathSegment] {
        var segments: [JSONPathSegment] = []
        while true {
            switch current.kind {
            case .dot:
                index += 1
                segments.append(JSONPathSegment(kind: .child, selectors: [try shorthandSelector()]))
            case .doubleDot:
                index += 1
                if current.kind == .openBracket, !current.followsWhitespace {
                    let (selectors, _) = try bracketedSelection()
                    segments.append(JSONPathSegment(kind: .descendant, selectors: selectors))
                } else {
                    segments.append(JSONPathSegment(kind: .descendant, selectors: [try shorthandSelector()]))
                }
            case .openBracket:
                let (selectors, isCompact) = try bracketedSelection()
                segments.append(JSONPathSegment(kind: .child, selectors: selectors, isCompact: isCompact))
            default:
                return segments
            }
        }
    }

    /// The `*` or member name right after `.` or `..`, with no whitespace between.
    private mutating func shorthandSelector() throws(JSONPathError) -> JSONPathSelector {
        let token = advance()
        if token.followsWhitespace, token.kind != .end {
            throw error(.whitespace, at: token.position, "whitespace after '.'")
        }
        switch token.kind {
        case .star: return .wildcard
        case .name(let name): return .name(name)
        default: throw unexpected(token, expected: "a member name or '*'")
        }
    }

    /// `"[" S selector *(S "," S selector) S "]"`; also whether there was no blank space
    /// inside the brackets, which a singular query requires.
    private mutating func bracketedSelection() throws(JSONPathError) -> ([JSONPathSelector], Bool) {
        index += 1  // "["
        let first = current
        var selectors = [try selector()]
        while current.kind == .comma {
            index += 1
            selectors.append(try selector())
        }
        let close = advance()
        guard close.kind == .closeBracket else { throw unexpected(close, expected: "',' or ']'") }
        return (selectors, !first.followsWhitespace && !close.followsWhitespace)
    }

    private mutating func selector() throws(JSONPathError) -> JSONPathSelector {
        let token = current
        switch token.kind {
        case .string(let name):
            index += 1
            return .name(name)
        case .star:
            index += 1
            return .wildcard
        case .question:
            index += 1
            return .filter(try filterExpression())
        case .colon:
            return .slice(try slice(start: nil))
        case .number(let text):
            index += 1
            let value = try integer(text, at: token.position)
            if current.kind == .colon { return .slice(try slice(start: value)) }
            return .index(value)
        default:
            throw unexpected(token, expected: "a selector")
        }
    }

    /// The rest of `[start S] ":" S [end S] [":" [S step]]`, from the first colon.
    private mutating func slice(start: Int?) throws(JSONPathError) -> JSONPathSelector.Slice {
        index += 1  // ":"
        var result = JSONPathSelector.Slice(start: start)
        result.end = try optionalInteger()
        if current.kind == .colon {
            index += 1
            result.step = try optionalInteger()
        }
        return result
    }

    private mutating func optionalInteger() throws(JSONPathError) -> Int? {
        guard case .number(let text) = current.kind else { return nil }
        let position = current.position
        index += 1
        return try integer(text, at: position)
    }

    /// `int = "0" / (["-"] DIGIT1 *DIGIT)`, within ±(2^53 − 1).
    func integer(_ text: String, at position: Int) throws(JSONPathError) -> Int {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }) else {
            throw error(.invalidInteger, at: position, "expected an integer, found '\(text)'")
        }
        if digits.first == "0", text != "0" {
            throw error(.invalidInteger, at: position, "invalid integer '\(text)'")
        }
        guard let value = Int(text), abs(value) <= Self.maximumInteger else {
            throw error(.invalidInteger, at: position, "integer '\(text)' out of range")
        }
        return value
    }

    func unexpected(_ token: JSONPathToken, expected: String) -> JSONPathError {
        if token.kind == .end {
            return error(.unexpectedEnd, at: token.position, "unexpected end")
        }
        return error(.unexpectedToken, at: token.position, "expected \(expected)")
    }

    func error(_ code: JSONPathError.Code, at position: Int, _ message: String) -> JSONPathError {
        JSONPathError(code, query: query, position: position, message)
    }
}
