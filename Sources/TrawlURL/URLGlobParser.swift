/// Splits a glob pattern into literal text and lists of alternatives.
struct URLGlobParser {
    enum Segment: Equatable {
        case literal(String)
        case choices([String])
    }

    private let pattern: String
    private let limit: Int
    private let chars: [Character]
    private var index = 0
    private var segments: [Segment] = []
    private var literal = ""

    init(_ pattern: String, limit: Int) {
        self.pattern = pattern
        self.limit = limit
        chars = Array(pattern)
    }

    mutating func parse() throws(URLGlobError) -> [Segment] {
        while index < chars.count {
            let c = chars[index]
            if c == "\\", index + 1 < chars.count, "[]{},".contains(chars[index + 1]) {
                literal.append(chars[index + 1])
                index += 2
            } else if c == "[", let end = ipv6LiteralEnd() {
                literal.append(contentsOf: chars[index...end])
                index = end + 1
            } else if c == "[" {
                flushLiteral()
                segments.append(.choices(try range()))
            } else if c == "{" {
                flushLiteral()
                segments.append(.choices(try set()))
            } else if c == "]" || c == "}" {
                throw error(.unmatchedClose, "unmatched '\(c)' (escape it as '\\\(c)')", at: index)
            } else {
                literal.append(c)
                index += 1
            }
        }
        flushLiteral()
        return segments
    }

    private mutating func flushLiteral() {
        if !literal.isEmpty { segments.append(.literal(literal)) }
        literal = ""
    }

    /// The index of the `]` closing an IPv6 host literal starting at `index`, or nil.
    private func ipv6LiteralEnd() -> Int? {
        let afterSlashes = index >= 2 && chars[index - 2] == "/" && chars[index - 1] == "/"
        let afterAt = index >= 1 && chars[index - 1] == "@"
        guard afterSlashes || afterAt,
              let end = chars[index...].firstIndex(of: "]") else { return nil }
        let content = chars[(index + 1)..<end]
        return content.contains(":") && !content.contains("-") ? end : nil
    }

    /// `[start-end]` or `[start-end:step]`, numeric or alphabetic.
    private mutating func range() throws(URLGlobError) -> [String] {
        let open = index
        var body = ""
        index += 1
        while index < chars.count, chars[index] != "]" {
            if chars[index] == "[" || chars[index] == "{" {
                throw error(.nestedGlob, "nested glob '\(chars[index])' inside '['", at: index)
            }
            body.append(chars[index])
            index += 1
        }
        guard index < chars.count else { throw error(.unmatchedOpen, "unmatched '['", at: open) }
        index += 1
        if body.isEmpty { throw error(.emptyRange, "empty range '[]'", at: open) }
        return try URLGlobRange(body).values(limit: limit) { code, reason in error(code, reason, at: open) }
    }

    /// `{a,b,c}`; `\,` and `\}` are literal inside.
    private mutating func set() throws(URLGlobError) -> [String] {
        let open = index
        var items: [String] = []
        var current = ""
        index += 1
        while index < chars.count, chars[index] != "}" {
            let c = chars[index]
            if c == "\\", index + 1 < chars.count, "[]{},".contains(chars[index + 1]) {
                current.append(chars[index + 1])
                index += 2
                continue
            }
            if c == "[" || c == "{" {
                throw error(.nestedGlob, "nested glob '\(c)' inside '{'", at: index)
            }
            if c == "," {
                items.append(current)
                current = ""
            } else {
                current.append(c)
            }
            index += 1
        }
        guard index < chars.count else { throw error(.unmatchedOpen, "unmatched '{'", at: open) }
        index += 1
        items.append(current)
        if items == [""] { throw error(.emptyRange, "empty set '{}'", at: open) }
        return items
    }

    private func error(_ code: URLGlobError.Code, _ reason: String, at offset: Int) -> URLGlobError {
        URLGlobError(code, pattern: pattern, position: offset + 1, reason: reason)
    }
}
