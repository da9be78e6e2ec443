import TrawlCore

/// The function extensions of RFC 9535 section 2.4, with their declared types.
enum JSONPathFunction: String, Sendable, Hashable {
    case length, count, match, search, value

    /// The three types of the RFC's function type system (section 2.4.1).
    enum ValueKind: Sendable, Hashable {
        /// A JSON value or Nothing.
        case value
        /// LogicalTrue or LogicalFalse.
        case logical
        /// A nodelist.
        case nodes
    }

    var parameters: [ValueKind] {
        switch self {
        case .length: [.value]
        case .count, .value: [.nodes]
        case .match, .search: [.value, .value]
        }
    }

    var result: ValueKind {
        switch self {
        case .length, .count, .value: .value
        case .match, .search: .logical
        }
    }
}

/// A type-checked call of a ``JSONPathFunction``.
struct JSONPathFunctionCall: Sendable, Hashable {
    var function: JSONPathFunction
    var arguments: [JSONPathFilter.Operand]
    /// The compiled pattern of `match` / `search` when it is a string literal: compiled once,
    /// with the query. Nil when the pattern comes from the document, or is not an I-Regexp.
    var pattern: IRegexp?
}

/// The value of a function argument at evaluation time.
enum JSONPathArgument {
    /// A JSON value, or nil for Nothing.
    case value(JSONValue?)
    case logical(Bool)
    case nodes([JSONValue])
}

extension JSONPathFunctionCall {
    /// Applies the function to evaluated arguments (RFC 9535 sections 2.4.4 to 2.4.8).
    ///
    /// The parser has checked arity and types, so an argument of the wrong kind cannot occur;
    /// it yields Nothing / false rather than trapping.
    func apply(_ arguments: [JSONPathArgument]) -> JSONPathArgument {
        switch function {
        case .length:
            guard case .value(let value?) = arguments.first else { return .value(nil) }
            switch value {
            case .string(let string): return .value(.number(String(string.unicodeScalars.count)))
            case .array(let elements): return .value(.number(String(elements.count)))
            case .object(let members): return .value(.number(String(members.count)))
            default: return .value(nil)
            }
        case .count:
            guard case .nodes(let nodes) = arguments.first else { return .value(nil) }
            return .value(.number(String(nodes.count)))
        case .value:
            guard case .nodes(let nodes) = arguments.first, nodes.count == 1 else { return .value(nil) }
            return .value(nodes[0])
        case .match, .search:
            guard arguments.count == 2, case .value(.string(let subject)?) = arguments[0],
                case .value(.string(let source)?) = arguments[1]
            else { return .logical(false) }
            // A pattern from the document is compiled per call; an invalid one is simply false.
            guard let regexp = pattern ?? (try? IRegexp(source)) else { return .logical(false) }
            return .logical(function == .match ? regexp.matchesWhole(subject) : regexp.matchesPart(of: subject))
        }
    }
}
