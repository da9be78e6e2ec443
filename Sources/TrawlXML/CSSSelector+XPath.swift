/// Translation of the ``CSSSyntax`` tree to XPath 1.0.
///
/// Each compound becomes one location step (`name[condition][condition]`) so libxml2 tests
/// every condition while walking the axis; combinators choose the axis of the next step.
/// Nothing relies on positional predicates, so conditions can be added in any order.
extension CSSSelector {
    static func xpath(for selectors: [CSSSyntax.Complex], relative: Bool) -> String {
        selectors.map { path(for: $0, relative: relative) }.joined(separator: " | ")
    }

    private static func path(for selector: CSSSyntax.Complex, relative: Bool) -> String {
        let first = selector.first
        if selector.rest.isEmpty, isUniversal(first), let pseudo = selector.pseudoElement {
            // A bare pseudo-element: every text node, or the attribute of every element (of the
            // context element itself when relative).
            switch (pseudo, relative) {
            case (.text, false): return "descendant-or-self::text()"
            case (.text, true): return "descendant::text()"
            case (.attribute(let name), false): return "descendant-or-self::*/" + attributeStep(name)
            case (.attribute(let name), true): return attributeStep(name)
            }
        }
        var path = (relative ? "descendant::" : "descendant-or-self::") + step(for: first)
        var steps = selector.rest[...]
        let suffix: String
        if let last = steps.last, last.combinator == .descendant, isUniversal(last.compound),
            let pseudo = selector.pseudoElement
        {
            // Scrapy's idiom `div ::text` means all text inside the div, its own included, and
            // `div ::attr(href)` includes the div's own attribute: parsel translates them so.
            steps.removeLast()
            switch pseudo {
            case .text: suffix = "/descendant::text()"
            case .attribute(let name): suffix = "/descendant-or-self::*/" + attributeStep(name)
            }
        } else {
            switch selector.pseudoElement {
            case .text: suffix = "/text()"
            case .attribute(let name): suffix = "/" + attributeStep(name)
            case nil: suffix = ""
            }
        }
        for next in steps {
            path += "/" + step(after: next.combinator, to: next.compound)
        }
        return path + suffix
    }

    /// Whether the compound is `*` or empty, with no conditions.
    private static func isUniversal(_ compound: CSSSyntax.Compound) -> Bool {
        compound.element == nil && compound.conditions.isEmpty
    }

    /// The axis and step that reach `compound` from the previous step's node.
    private static func step(after combinator: CSSSyntax.Combinator, to compound: CSSSyntax.Compound) -> String {
        switch combinator {
        case .descendant: return "descendant::" + step(for: compound)
        case .child: return step(for: compound)
        case .adjacentSibling: return "following-sibling::*[1]/self::" + step(for: compound)
        case .generalSibling: return "following-sibling::" + step(for: compound)
        }
    }

    /// The relative path from an element that `:has()` tests for.
    private static func path(for relative: CSSSyntax.Relative) -> String {
        var path = step(after: relative.combinator, to: relative.selector.first)
        for next in relative.selector.rest {
            path += "/" + step(after: next.combinator, to: next.compound)
        }
        return path
    }

    /// `name[condition]…`, without an axis.
    private static func step(for compound: CSSSyntax.Compound) -> String {
        var step = nameTest(compound.element)
        for condition in compound.conditions {
            step += "[" + expression(for: condition) + "]"
        }
        return step
    }

    private static func expression(for condition: CSSSyntax.Condition) -> String {
        switch condition {
        case .id(let id):
            return "@id = " + literal(id)
        case .className(let name):
            return tokenTest(attribute: "@class", token: name)
        case .attribute(let attribute):
            return expression(for: attribute)
        case .pseudoClass(let pseudoClass):
            return expression(for: pseudoClass)
        }
    }

    private static func expression(for attribute: CSSSyntax.Attribute) -> String {
        let node = attributeStep(attribute.name)
        let value: String
        switch attribute.matcher {
        case .exists: return node
        case .equals(let text), .includes(let text), .dashMatch(let text),
            .prefix(let text), .suffix(let text), .substring(let text):
            value = attribute.ignoresCase ? asciiLowercased(text) : text
        }
        let subject = attribute.ignoresCase
            ? "translate(\(node), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')" : node
        switch attribute.matcher {
        case .exists:
            return node
        case .equals:
            return "\(subject) = \(literal(value))"
        case .includes:
            return tokenTest(attribute: subject, token: value)
        case .dashMatch:
            return "(\(subject) = \(literal(value)) or starts-with(\(subject), \(literal(value + "-"))))"
        case .prefix:
            // CSS: an empty value matches nothing (XPath's starts-with would match everything).
            return value.isEmpty ? "false()" : "starts-with(\(subject), \(literal(value)))"
        case .suffix:
            // XPath 1.0 has no ends-with; string-length counts characters, as Swift's scalars.
            guard !value.isEmpty else { return "false()" }
            let back = value.unicodeScalars.count - 1
            let start = back == 0 ? "string-length(\(subject))" : "string-length(\(subject)) - \(back)"
            return "substring(\(subject), \(start)) = \(literal(value))"
        case .substring:
            return value.isEmpty ? "false()" : "contains(\(subject), \(literal(value)))"
        }
    }

    private static func expression(for pseudoClass: CSSSyntax.PseudoClass) -> String {
        switch pseudoClass {
        case .root: return "not(parent::*)"
        case .empty: return "not(*) and not(text())"
        case .firstChild: return "not(preceding-sibling::*)"
        case .lastChild: return "not(following-sibling::*)"
        case .onlyChild: return "not(preceding-sibling::*) and not(following-sibling::*)"
        case .firstOfType(let name): return "not(preceding-sibling::\(nameTest(name)))"
        case .lastOfType(let name): return "not(following-sibling::\(nameTest(name)))"
        case .onlyOfType(let name):
            return "not(preceding-sibling::\(nameTest(name))) and not(following-sibling::\(nameTest(name)))"
        case .nthChild(let formula):
            return formula.condition(index: "count(preceding-sibling::*)") ?? "true()"
        case .nthLastChild(let formula):
            return formula.condition(index: "count(following-sibling::*)") ?? "true()"
        case .nthOfType(let formula, let name):
            return formula.condition(index: "count(preceding-sibling::\(nameTest(name)))") ?? "true()"
        case .nthLastOfType(let formula, let name):
            return formula.condition(index: "count(following-sibling::\(nameTest(name)))") ?? "true()"
        case .not(let compounds):
            return "not(" + compounds.map { "self::" + step(for: $0) }.joined(separator: " or ") + ")"
        case .isAny(let compounds):
            return compounds.map { "self::" + step(for: $0) }.joined(separator: " or ")
        case .has(let relatives):
            return relatives.map { path(for: $0) }.joined(separator: " or ")
        }
    }

    // MARK: Names and literals

    /// `@name`, or `@*[name() = '…']` for a name XPath cannot spell as a name test.
    private static func attributeStep(_ name: String) -> String {
        isNCName(name) ? "@" + name : "@*[name() = \(literal(name))]"
    }

    /// The element name test: `*`, `name`, or `*[name() = '…']` for an unusual name.
    private static func nameTest(_ name: String?) -> String {
        guard let name else { return "*" }
        return isNCName(name) ? name : "*[name() = \(literal(name))]"
    }

    /// Whether `subject`, split at whitespace, contains `token`; a token that is empty or holds
    /// whitespace never matches (CSS `~=`).
    private static func tokenTest(attribute subject: String, token: String) -> String {
        if token.isEmpty || token.unicodeScalars.contains(where: { " \t\n\r\u{0C}".unicodeScalars.contains($0) }) {
            return "false()"
        }
        return "contains(concat(' ', normalize-space(\(subject)), ' '), \(literal(" " + token + " ")))"
    }

    /// `text` as an XPath 1.0 string literal, which has no escapes: `'…'`, `"…"`, or a
    /// `concat()` of both kinds when the text holds both quote characters.
    static func literal(_ text: String) -> String {
        if !text.contains("'") { return "'" + text + "'" }
        if !text.contains("\"") { return "\"" + text + "\"" }
        let parts = text.split(separator: "'", omittingEmptySubsequences: false).map { "'" + $0 + "'" }
        return "concat(" + parts.joined(separator: ", \"'\", ") + ")"
    }

    /// Whether `name` is surely an XPath NCName; other names take the `name() = '…'` form.
    private static func isNCName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        let isStart: (Unicode.Scalar) -> Bool = {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_"
                || (!$0.isASCII && $0.properties.isAlphabetic)
        }
        guard isStart(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            isStart($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
                || (!$0.isASCII && $0.properties.numericType != nil)
        }
    }

    private static func asciiLowercased(_ text: String) -> String {
        CSSSelectorParser.lowercased(text)
    }
}
