/// Builds the ``CSSSyntax`` tree of a selector list from its tokens (recursive descent).
///
/// Every error names the column of the offending token and what was expected there, so a bad
/// selector in a configuration file is reported before any crawling, never turned into a
/// selector that silently matches nothing.
struct CSSSelectorParser {
    typealias Compound = CSSSyntax.Compound
    typealias Complex = CSSSyntax.Complex

    let tokens: [CSSToken]
    /// Index of the current token; never past the final `.end` token.
    var position = 0
    /// How many `:not()`, `:is()`, `:where()` and `:has()` enclose the current token.
    var nesting = 0
    /// Bounds the parser's recursion, so a pathological selector is an error rather than a
    /// stack overflow; real selectors nest two or three levels.
    static let maximumNesting = 32

    /// Parses a whole selector list: `a, b > c::text`.
    static func parse(_ source: String) throws(CSSSelectorError) -> [Complex] {
        var parser = CSSSelectorParser(tokens: try CSSSelectorLexer.tokens(of: source))
        return try parser.selectorList()
    }

    private init(tokens: [CSSToken]) {
        self.tokens = tokens
    }

    private mutating func selectorList() throws(CSSSelectorError) -> [Complex] {
        var list: [Complex] = []
        skipWhitespace()
        while true {
            list.append(try complex(nested: false))
            guard current.isDelimiter(",") else { return list }
            advance()
            skipWhitespace()
        }
    }

    /// Compounds joined by combinators, stopping before `,`, the end, or (when `nested`, inside
    /// `:has()`) before `)`. A pseudo-element is only allowed at the top level and last.
    mutating func complex(nested: Bool) throws(CSSSelectorError) -> Complex {
        let (first, firstPseudoElement) = try compound(inheritedElement: nil, allowsPseudoElement: !nested)
        var result = Complex(first: first, rest: [], pseudoElement: firstPseudoElement)
        while true {
            let hadWhitespace = skipWhitespace()
            if current.isDelimiter(",") || current.kind == .end || (nested && current.isDelimiter(")")) {
                return result
            }
            if result.pseudoElement != nil {
                throw error(
                    "a pseudo-element must come last in a selector; expected ',' or the end but found \(current.quoted)")
            }
            let combinator: CSSSyntax.Combinator
            switch current.kind {
            case .delimiter(">"): combinator = .child
            case .delimiter("+"): combinator = .adjacentSibling
            case .delimiter("~"): combinator = .generalSibling
            case _ where hadWhitespace: combinator = .descendant
            default:
                throw error("expected a combinator (' ', '>', '+', '~'), ',' or the end but found \(current.quoted)")
            }
            if combinator != .descendant {
                advance()
                skipWhitespace()
            }
            let (next, pseudoElement) = try compound(inheritedElement: nil, allowsPseudoElement: !nested)
            result.rest.append(CSSSyntax.Step(combinator: combinator, compound: next))
            result.pseudoElement = pseudoElement
        }
    }

    /// A type selector or `*`, then `#id`, `.class`, `[attribute]` and `:pseudo-class`
    /// conditions, then optionally a pseudo-element.
    ///
    /// - Parameter inheritedElement: inside `:not()`/`:is()`, the enclosing compound's element
    ///   name, which `:first-of-type` and its relatives count when the argument has no type.
    mutating func compound(
        inheritedElement: String?, allowsPseudoElement: Bool
    ) throws(CSSSelectorError) -> (Compound, CSSSyntax.PseudoElement?) {
        var result = Compound(element: nil, conditions: [])
        var hasType = false
        if current.isDelimiter("|") { throw namespaceError() }
        if case .ident(let name) = current.kind {
            result.element = Self.lowercased(name)
            hasType = true
            advance()
        } else if current.isDelimiter("*") {
            hasType = true
            advance()
        }
        if hasType, current.isDelimiter("|") { throw namespaceError() }
        while true {
            switch current.kind {
            case .hash(let name):
                result.conditions.append(.id(name))
                advance()
            case .delimiter("."):
                advance()
                guard case .ident(let name) = current.kind else {
                    throw error("expected a class name after '.' but found \(current.quoted)")
                }
                result.conditions.append(.className(name))
                advance()
            case .delimiter("["):
                result.conditions.append(.attribute(try attribute()))
            case .delimiter(":") where tokens[position + 1].isDelimiter(":"):
                let start = current
                advance()
                advance()
                guard allowsPseudoElement else {
                    throw CSSSelectorError(
                        column: start.column,
                        message: "pseudo-elements are not allowed inside :not(), :is(), :where() or :has()")
                }
                return (result, try pseudoElement(at: start))
            case .delimiter(":"):
                let colon = current
                advance()
                result.conditions.append(
                    .pseudoClass(try pseudoClass(element: result.element ?? inheritedElement, colon: colon)))
            default:
                guard hasType || !result.conditions.isEmpty else {
                    throw error(
                        "expected a type, '*', '#id', '.class', '[attribute]' or ':pseudo-class' but found \(current.quoted)")
                }
                return (result, nil)
            }
        }
    }

    /// `[name]`, `[name op value]` or `[name op value i]`, starting at `[`.
    private mutating func attribute() throws(CSSSelectorError) -> CSSSyntax.Attribute {
        advance()
        skipWhitespace()
        if current.isDelimiter("|") || current.isDelimiter("*") { throw namespaceError() }
        guard case .ident(let rawName) = current.kind else {
            throw error("expected an attribute name but found \(current.quoted)")
        }
        advance()
        if current.isDelimiter("|") { throw namespaceError() }
        skipWhitespace()
        let name = Self.lowercased(rawName)
        if current.isDelimiter("]") {
            advance()
            return CSSSyntax.Attribute(name: name, matcher: .exists, ignoresCase: false)
        }
        let matcherToken = current
        let matcherText: String
        switch current.kind {
        case .delimiter("="): matcherText = "="
        case .matcher(let text): matcherText = text
        default: throw error("expected ']', '=', '~=', '|=', '^=', '$=' or '*=' but found \(current.quoted)")
        }
        advance()
        skipWhitespace()
        let value: String
        switch current.kind {
        case .ident(let text), .string(let text): value = text
        default: throw error("expected an attribute value (a name or a quoted string) but found \(current.quoted)")
        }
        advance()
        skipWhitespace()
        var ignoresCase = false
        if case .ident(let flag) = current.kind {
            switch Self.lowercased(flag) {
            case "i": ignoresCase = true
            case "s": ignoresCase = false
            default: throw error("unknown attribute flag '\(flag)'; expected 'i' or 's'")
            }
            advance()
            skipWhitespace()
        }
        guard current.isDelimiter("]") else { throw error("expected ']' but found \(current.quoted)") }
        advance()
        let matcher: CSSSyntax.Attribute.Matcher
        switch matcherText {
        case "=": matcher = .equals(value)
        case "~=": matcher = .includes(value)
        case "|=": matcher = .dashMatch(value)
        case "^=": matcher = .prefix(value)
        case "$=": matcher = .suffix(value)
        case "*=": matcher = .substring(value)
        default: throw CSSSelectorError(column: matcherToken.column, message: "unknown attribute matcher '\(matcherText)'")
        }
        return CSSSyntax.Attribute(name: name, matcher: matcher, ignoresCase: ignoresCase)
    }

    /// `::text` or `::attr(name)`; `start` is the first colon, both colons consumed.
    private mutating func pseudoElement(at start: CSSToken) throws(CSSSelectorError) -> CSSSyntax.PseudoElement {
        switch current.kind {
        case .ident(let name) where Self.lowercased(name) == "text":
            advance()
            return .text
        case .function(let name) where Self.lowercased(name) == "attr":
            advance()
            skipWhitespace()
            guard case .ident(let attribute) = current.kind else {
                throw error("expected an attribute name in ::attr() but found \(current.quoted)")
            }
            advance()
            skipWhitespace()
            guard current.isDelimiter(")") else {
                throw error("expected ')' after ::attr(\(attribute) but found \(current.quoted)")
            }
            advance()
            return .attribute(Self.lowercased(attribute))
        case .ident(let name), .function(let name):
            throw CSSSelectorError(
                column: start.column,
                message: "unsupported pseudo-element '::\(name)'; expected '::text' or '::attr(name)'")
        default:
            throw error("expected a pseudo-element name after '::' but found \(current.quoted)")
        }
    }

    // MARK: Tokens

    var current: CSSToken { tokens[position] }

    mutating func advance() {
        if current.kind != .end { position += 1 }
    }

    /// Skips whitespace tokens; returns whether there were any.
    @discardableResult
    mutating func skipWhitespace() -> Bool {
        var skipped = false
        while current.kind == .whitespace {
            advance()
            skipped = true
        }
        return skipped
    }

    /// An error at the current token.
    func error(_ message: String) -> CSSSelectorError {
        CSSSelectorError(column: current.column, message: message)
    }

    private func namespaceError() -> CSSSelectorError {
        error("namespace prefixes ('|') are not supported")
    }

    /// ASCII-only lowercasing, as the HTML parser does to element and attribute names.
    static func lowercased(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 32) {
                scalars.append(lower)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
