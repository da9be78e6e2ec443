import TrawlCore

/// Applies parsed segments to a document (RFC 9535 section 2.1.2 semantics).
///
/// Keeps the root so that filter expressions can evaluate `$`-relative queries. Recursion
/// happens only through nested filters, so it is bounded by the query's nesting limit
/// (``JSONPathParser/maximumNesting``), never by the document's depth.
struct JSONPathEvaluator {
    let root: JSONValue

    /// The nodelist selected by `segments`, starting from the root.
    func evaluate(_ segments: [JSONPathSegment]) -> [JSONValue] {
        evaluate(segments, from: root)
    }

    /// The nodelist selected by `segments`, starting from `start`.
    func evaluate(_ segments: [JSONPathSegment], from start: JSONValue) -> [JSONValue] {
        var nodes = [start]
        for segment in segments {
            var next: [JSONValue] = []
            for node in nodes {
                switch segment.kind {
                case .child:
                    select(segment.selectors, from: node, into: &next)
                case .descendant:
                    forEachDescendant(of: node) { select(segment.selectors, from: $0, into: &next) }
                }
            }
            nodes = next
        }
        return nodes
    }

    /// Visits `node` and every node below it, parents before children, arrays in order.
    ///
    /// Iterative, so hand-built documents deeper than the parser's limit cannot overflow the stack.
    private func forEachDescendant(of node: JSONValue, _ visit: (JSONValue) -> Void) {
        var stack = [node]
        while let value = stack.popLast() {
            visit(value)
            switch value {
            case .array(let elements): stack.append(contentsOf: elements.reversed())
            case .object(let members): stack.append(contentsOf: members.reversed().lazy.map(\.value))
            default: break
            }
        }
    }

    private func select(_ selectors: [JSONPathSelector], from node: JSONValue, into out: inout [JSONValue]) {
        for selector in selectors {
            select(selector, from: node, into: &out)
        }
    }

    private func select(_ selector: JSONPathSelector, from node: JSONValue, into out: inout [JSONValue]) {
        switch (selector, node) {
        case (.name(let name), .object(let members)):
            if let member = members.first(where: { JSONPathComparison.sameScalars($0.key, name) }) {
                out.append(member.value)
            }
        case (.wildcard, .object(let members)):
            out.append(contentsOf: members.lazy.map(\.value))
        case (.wildcard, .array(let elements)):
            out.append(contentsOf: elements)
        case (.index(let index), .array(let elements)):
            let position = index >= 0 ? index : elements.count + index
            if position >= 0, position < elements.count { out.append(elements[position]) }
        case (.slice(let slice), .array(let elements)):
            for position in slice.indices(count: elements.count) { out.append(elements[position]) }
        case (.filter(let filter), .array(let elements)):
            for element in elements where test(filter, current: element) { out.append(element) }
        case (.filter(let filter), .object(let members)):
            for member in members where test(filter, current: member.value) { out.append(member.value) }
        default:
            break
        }
    }
}
