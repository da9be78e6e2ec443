extension CSSSelectorParser {
    /// The pseudo-class after `colon` (already consumed), with its arguments.
    ///
    /// - Parameter element: the compound's lowercased type, which the `-of-type` classes need:
    ///   XPath 1.0 cannot compare a node's name with its siblings' names, so `*:first-of-type`
    ///   and `.note:first-of-type` are rejected rather than translated wrongly.
    mutating func pseudoClass(
        element: String?, colon: CSSToken
    ) throws(CSSSelectorError) -> CSSSyntax.PseudoClass {
        switch current.kind {
        case .ident(let rawName):
            let name = Self.lowercased(rawName)
            let result: CSSSyntax.PseudoClass
            switch name {
            case "root": result = .root
            case "empty": result = .empty
            case "first-child": result = .firstChild
            case "last-child": result = .lastChild
            case "only-child": result = .onlyChild
            case "first-of-type": result = .firstOfType(try typeName(element, for: name, colon: colon))
            case "last-of-type": result = .lastOfType(try typeName(element, for: name, colon: colon))
            case "only-of-type": result = .onlyOfType(try typeName(element, for: name, colon: colon))
            default: throw unsupported(":\(rawName)", colon: colon)
            }
            advance()
            return result
        case .function(let rawName):
            let name = Self.lowercased(rawName)
            switch name {
            case "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type":
                let type = name.hasSuffix("of-type") ? try typeName(element, for: name, colon: colon) : ""
                advance()
                let formula = try nthFormula(name: name)
                switch name {
                case "nth-child": return .nthChild(formula)
                case "nth-last-child": return .nthLastChild(formula)
                case "nth-of-type": return .nthOfType(formula, type)
                default: return .nthLastOfType(formula, type)
                }
            case "not", "is", "where", "has":
                nesting += 1
                defer { nesting -= 1 }
                guard nesting <= Self.maximumNesting else {
                    throw CSSSelectorError(
                        column: colon.column,
                        message: "pseudo-classes nest more than \(Self.maximumNesting) levels deep")
                }
                advance()
                if name == "has" { return .has(try relativeList()) }
                let compounds = try compoundList(name: name, element: element)
                return name == "not" ? .not(compounds) : .isAny(compounds)
            default:
                throw unsupported(":\(rawName)()", colon: colon)
            }
        default:
            throw error("expected a pseudo-class name after ':' but found \(current.quoted)")
        }
    }

    /// The `an+b` argument up to and including `)`.
    private mutating func nthFormula(name: String) throws(CSSSelectorError) -> CSSNthFormula {
        let start = current
        var text = ""
        while !current.isDelimiter(")") {
            switch current.kind {
            case .whitespace: text += " "
            case .ident(let part), .number(let part), .dimension(let part): text += part
            case .delimiter(let scalar) where scalar == "+" || scalar == "-": text.unicodeScalars.append(scalar)
            case .end: throw error("expected ')' to close :\(name)(")
            default: throw error("expected an+b, 'odd' or 'even' in :\(name)() but found \(current.quoted)")
            }
            advance()
        }
        guard let formula = CSSNthFormula(text) else {
            throw CSSSelectorError(
                column: start.column,
                message: "invalid argument '\(text)' of :\(name)(); expected an+b (such as 2n+1, -n+3, 4), 'odd' or 'even'")
        }
        advance()
        return formula
    }

    /// `:not()`, `:is()` and `:where()` arguments: compounds separated by commas, up to `)`.
    private mutating func compoundList(
        name: String, element: String?
    ) throws(CSSSelectorError) -> [CSSSyntax.Compound] {
        var compounds: [CSSSyntax.Compound] = []
        while true {
            skipWhitespace()
            compounds.append(try compound(inheritedElement: element, allowsPseudoElement: false).0)
            skipWhitespace()
            if current.isDelimiter(")") {
                advance()
                return compounds
            }
            guard current.isDelimiter(",") else {
                throw error(
                    "expected ',' or ')' in :\(name)() but found \(current.quoted); "
                        + ":\(name)() takes simple or compound selectors, without combinators")
            }
            advance()
        }
    }

    /// `:has()` arguments: relative selectors (`> a`, `+ a`, `~ a`, `a b`) separated by commas.
    private mutating func relativeList() throws(CSSSelectorError) -> [CSSSyntax.Relative] {
        var relatives: [CSSSyntax.Relative] = []
        while true {
            skipWhitespace()
            var combinator = CSSSyntax.Combinator.descendant
            switch current.kind {
            case .delimiter(">"): combinator = .child
            case .delimiter("+"): combinator = .adjacentSibling
            case .delimiter("~"): combinator = .generalSibling
            default: break
            }
            if combinator != .descendant {
                advance()
                skipWhitespace()
            }
            relatives.append(CSSSyntax.Relative(combinator: combinator, selector: try complex(nested: true)))
            if current.isDelimiter(")") {
                advance()
                return relatives
            }
            guard current.isDelimiter(",") else {
                throw error("expected ',' or ')' to close :has( but found \(current.quoted)")
            }
            advance()
        }
    }

    private func typeName(_ element: String?, for name: String, colon: CSSToken) throws(CSSSelectorError) -> String {
        guard let element else {
            throw CSSSelectorError(
                column: colon.column,
                message: ":\(name) needs a type selector before it, such as 'p:\(name)'")
        }
        return element
    }

    private func unsupported(_ name: String, colon: CSSToken) -> CSSSelectorError {
        CSSSelectorError(
            column: colon.column,
            message: "unsupported pseudo-class '\(name)'; supported: :first-child, :last-child, :only-child, "
                + ":nth-child(), :nth-last-child(), :first-of-type, :last-of-type, :only-of-type, "
                + ":nth-of-type(), :nth-last-of-type(), :not(), :is(), :where(), :has(), :empty, :root")
    }
}
