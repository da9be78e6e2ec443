import TrawlCore

/// The filter grammar of RFC 9535 section 2.3.5 and the function type rules of section 2.4.3.
///
/// Type errors (a non-singular query compared, `length(…)` used as a test, `match(…) == true`,
/// wrong arity) are parse errors, so a compiled query never meets them at evaluation time.
extension JSONPathParser {
    /// How deeply parentheses, `!`, function calls and nested filters may nest.
    ///
    /// The parser and the evaluator recurse once per level; without this cap a query such as
    /// `$[?((((…` a few thousand levels deep would overflow the thread's stack and crash.
    static let maximumNesting = 64

    /// Parsed, but not yet given a type: a bare operand may still become a function argument
    /// of any kind, a comparison side, or an existence test.
    enum Parsed {
        case logical(JSONPathFilter)
        case operand(JSONPathFilter.Operand)
    }

    /// `logical-expr` after `?`.
    mutating func filterExpression() throws(JSONPathError) -> JSONPathFilter {
        let position = current.position
        return try logical(try orExpression(), at: position)
    }

    /// `logical-or-expr = logical-and-expr *(S "||" S logical-and-expr)`
    mutating func orExpression() throws(JSONPathError) -> Parsed {
        try enterNesting()
        defer { nesting -= 1 }
        var position = current.position
        let first = try andExpression()
        guard current.kind == .op("||") else { return first }
        var operands = [try logical(first, at: position)]
        while current.kind == .op("||") {
            index += 1
            position = current.position
            operands.append(try logical(try andExpression(), at: position))
        }
        return .logical(.or(operands))
    }

    /// `logical-and-expr = basic-expr *(S "&&" S basic-expr)`
    private mutating func andExpression() throws(JSONPathError) -> Parsed {
        var position = current.position
        let first = try basicExpression()
        guard current.kind == .op("&&") else { return first }
        var operands = [try logical(first, at: position)]
        while current.kind == .op("&&") {
            index += 1
            position = current.position
            operands.append(try logical(try basicExpression(), at: position))
        }
        return .logical(.and(operands))
    }

    /// `basic-expr = paren-expr / comparison-expr / test-expr`
    private mutating func basicExpression() throws(JSONPathError) -> Parsed {
        if current.kind == .op("!") {
            index += 1
            if current.kind == .openParen { return .logical(.not(try parenthesized())) }
            let position = current.position
            let operand = try operand()
            if case .op(let text) = current.kind, JSONPathComparison.Operator(rawValue: text) != nil {
                throw error(.unexpectedToken, at: current.position, "'!' cannot negate a comparison")
            }
            return .logical(.not(try logical(.operand(operand), at: position)))
        }
        if current.kind == .openParen { return .logical(try parenthesized()) }
        let position = current.position
        let left = try operand()
        guard case .op(let text) = current.kind, let op = JSONPathComparison.Operator(rawValue: text) else {
            return .operand(left)
        }
        index += 1
        let rightPosition = current.position
        let right = try operand()
        try checkComparable(left, at: position)
        try checkComparable(right, at: rightPosition)
        return .logical(.comparison(left, op, right))
    }

    /// `"(" S logical-expr S ")"`
    private mutating func parenthesized() throws(JSONPathError) -> JSONPathFilter {
        index += 1
        let expression = try filterExpression()
        let close = advance()
        guard close.kind == .closeParen else { throw unexpected(close, expected: "')'") }
        return expression
    }

    /// A literal, a query from `@` or `$`, or a function call.
    private mutating func operand() throws(JSONPathError) -> JSONPathFilter.Operand {
        let token = advance()
        switch token.kind {
        case .string(let text):
            return .literal(.string(text))
        case .number(let text):
            try checkNumber(text, at: token.position)
            return .literal(.number(text))
        case .name(let name):
            if current.kind == .openParen, !current.followsWhitespace {
                return .function(try functionCall(name, at: token.position))
            }
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default: throw error(.unexpectedToken, at: token.position, "unexpected name '\(name)'")
            }
        case .current:
            return .query(JSONPathFilter.Query(isAbsolute: false, segments: try parseSegments()))
        case .root:
            return .query(JSONPathFilter.Query(isAbsolute: true, segments: try parseSegments()))
        default:
            throw unexpected(token, expected: "a query, a literal or a function")
        }
    }

    /// `number = (int / "-0") [ frac ] [ exp ]`; the lexer has checked the rest of the shape.
    private func checkNumber(_ text: String, at position: Int) throws(JSONPathError) {
        let integer = text.utf8.drop { $0 == UInt8(ascii: "-") }.prefix { $0 >= 0x30 && $0 <= 0x39 }
        if integer.count > 1, integer.first == UInt8(ascii: "0") {
            throw error(.invalidNumber, at: position, "leading zeros in number '\(text)'")
        }
    }

    /// Gives a parsed expression LogicalType: a query becomes an existence test.
    func logical(_ parsed: Parsed, at position: Int) throws(JSONPathError) -> JSONPathFilter {
        switch parsed {
        case .logical(let filter), .operand(.logical(let filter)):
            return filter
        case .operand(.query(let query)):
            return .exists(query)
        case .operand(.function(let call)):
            guard call.function.result == .logical else {
                throw error(.functionType, at: position, "the result of \(call.function)() must be compared")
            }
            return .function(call)
        case .operand(.literal):
            throw error(.functionType, at: position, "a literal must be compared")
        }
    }

    /// A comparison side must be ValueType: a literal, a singular query or a ValueType function.
    private func checkComparable(_ operand: JSONPathFilter.Operand, at position: Int) throws(JSONPathError) {
        switch operand {
        case .literal: return
        case .query(let query):
            guard query.isSingular else {
                throw error(.functionType, at: position, "a query that can select several nodes cannot be compared")
            }
        case .function(let call):
            guard call.function.result == .value else {
                throw error(.functionType, at: position, "the result of \(call.function)() cannot be compared")
            }
        case .logical:
            throw error(.functionType, at: position, "a logical expression cannot be compared")
        }
    }

    mutating func enterNesting() throws(JSONPathError) {
        nesting += 1
        guard nesting <= Self.maximumNesting else {
            throw error(.tooDeep, at: current.position, "expressions nested deeper than \(Self.maximumNesting) levels")
        }
    }
}
