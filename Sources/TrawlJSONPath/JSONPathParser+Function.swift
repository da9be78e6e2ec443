/// Function calls and the argument rules of RFC 9535 section 2.4.3 (well-typedness).
extension JSONPathParser {
    /// `function-expr = function-name "(" S [function-argument *(S "," S function-argument)] S ")"`,
    /// from the `(` after `name`.
    mutating func functionCall(_ name: String, at position: Int) throws(JSONPathError) -> JSONPathFunctionCall {
        guard let function = JSONPathFunction(rawValue: name) else {
            throw error(.functionType, at: position, "unknown function '\(name)'")
        }
        try enterNesting()
        defer { nesting -= 1 }
        index += 1  // "("
        var parsed: [(Parsed, Int)] = []
        if current.kind != .closeParen {
            while true {
                let argumentPosition = current.position
                // `function-argument = literal / filter-query / logical-expr / function-expr`
                parsed.append((try orExpression(), argumentPosition))
                guard current.kind == .comma else { break }
                index += 1
            }
        }
        let close = advance()
        guard close.kind == .closeParen else { throw unexpected(close, expected: "',' or ')'") }
        let parameters = function.parameters
        guard parsed.count == parameters.count else {
            throw error(
                .functionType, at: position,
                "\(name)() takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), not \(parsed.count)")
        }
        var arguments: [JSONPathFilter.Operand] = []
        for ((argument, argumentPosition), kind) in zip(parsed, parameters) {
            arguments.append(try typed(argument, as: kind, at: argumentPosition, of: function))
        }
        var call = JSONPathFunctionCall(function: function, arguments: arguments)
        if function == .match || function == .search, case .literal(.string(let pattern)) = arguments[1] {
            call.pattern = try? IRegexp(pattern)
        }
        return call
    }

    /// Checks one argument against its declared parameter type.
    private func typed(
        _ argument: Parsed, as kind: JSONPathFunction.ValueKind, at position: Int, of function: JSONPathFunction
    ) throws(JSONPathError) -> JSONPathFilter.Operand {
        switch (kind, argument) {
        case (.value, .operand(.literal(let value))):
            return .literal(value)
        case (.value, .operand(.query(let query))) where query.isSingular:
            return .query(query)
        case (.value, .operand(.function(let call))) where call.function.result == .value:
            return .function(call)
        case (.nodes, .operand(.query(let query))):
            return .query(query)
        case (.nodes, .operand(.function(let call))) where call.function.result == .nodes:
            return .function(call)
        case (.logical, _):
            return .logical(try logical(argument, at: position))
        default:
            let expected = kind == .value ? "a value" : "a query"
            throw error(.functionType, at: position, "argument of \(function)() must be \(expected)")
        }
    }
}
