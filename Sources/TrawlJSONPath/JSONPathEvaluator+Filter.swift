import TrawlCore

/// Filter evaluation (RFC 9535 sections 2.3.5.2 and 2.4), with Nothing written as nil.
extension JSONPathEvaluator {
    /// Whether `filter` holds with `current` as `@`.
    func test(_ filter: JSONPathFilter, current: JSONValue) -> Bool {
        switch filter {
        case .or(let operands):
            return operands.contains { test($0, current: current) }
        case .and(let operands):
            return operands.allSatisfy { test($0, current: current) }
        case .not(let operand):
            return !test(operand, current: current)
        case .exists(let query):
            if query.isSingular { return singularValue(query, current: current) != nil }
            return !nodes(query, current: current).isEmpty
        case .function(let call):
            guard case .logical(let result) = call.apply(arguments(of: call, current: current)) else {
                return false
            }
            return result
        case .comparison(let left, let op, let right):
            return JSONPathComparison.compare(value(left, current: current), op, value(right, current: current))
        }
    }

    /// The value of a ValueType operand, or nil for Nothing.
    private func value(_ operand: JSONPathFilter.Operand, current: JSONValue) -> JSONValue? {
        switch operand {
        case .literal(let value):
            return value
        case .query(let query):
            return singularValue(query, current: current)
        case .function(let call):
            guard case .value(let value) = call.apply(arguments(of: call, current: current)) else { return nil }
            return value
        case .logical:
            return nil
        }
    }

    /// Walks a singular query without building nodelists.
    private func singularValue(_ query: JSONPathFilter.Query, current: JSONValue) -> JSONValue? {
        var node = query.isAbsolute ? root : current
        for segment in query.segments {
            switch (segment.selectors.first, node) {
            case (.name(let name)?, .object(let members)):
                guard let member = members.first(where: { JSONPathComparison.sameScalars($0.key, name) }) else {
                    return nil
                }
                node = member.value
            case (.index(let index)?, .array(let elements)):
                let position = index >= 0 ? index : elements.count + index
                guard position >= 0, position < elements.count else { return nil }
                node = elements[position]
            default:
                return nil
            }
        }
        return node
    }

    private func nodes(_ query: JSONPathFilter.Query, current: JSONValue) -> [JSONValue] {
        evaluate(query.segments, from: query.isAbsolute ? root : current)
    }

    private func arguments(of call: JSONPathFunctionCall, current: JSONValue) -> [JSONPathArgument] {
        zip(call.arguments, call.function.parameters).map { operand, kind in
            switch (kind, operand) {
            case (.nodes, .query(let query)):
                return .nodes(nodes(query, current: current))
            case (.logical, .logical(let filter)):
                return .logical(test(filter, current: current))
            default:
                return .value(value(operand, current: current))
            }
        }
    }
}
