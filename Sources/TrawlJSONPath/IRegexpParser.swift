/// Parses an I-Regexp (RFC 9485 section 5 grammar) and compiles it to ``IRegexp`` instructions.
struct IRegexpParser {
    private indirect enum Node {
        case scalar(Unicode.Scalar)
        case set(IRegexpCharacterSet)
        case assertStart, assertEnd
        case sequence([Node])
        case alternation([Node])
        case repetition(Node, min: Int, max: Int?)
    }

    private let scalars: [Unicode.Scalar]
    var position = 0
    private var depth = 0
    private var program: [IRegexp.Instruction] = []

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func compile() throws(IRegexpError) -> [IRegexp.Instruction] {
        let tree = try alternation()
        if position < scalars.count { throw error("unexpected '\(scalars[position])'") }
        try emit(tree)
        try append(.match)
        return program
    }

    // MARK: - Grammar

    /// `i-regexp = branch *( "|" branch )`
    private mutating func alternation() throws(IRegexpError) -> Node {
        var branches = [try branch()]
        while peek() == "|" {
            position += 1
            branches.append(try branch())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    /// `branch = *piece`, `piece = atom [ quantifier ]`
    private mutating func branch() throws(IRegexpError) -> Node {
        var pieces: [Node] = []
        while let next = peek(), next != "|", next != ")" {
            let atom = try atom()
            pieces.append(try quantified(atom))
        }
        return .sequence(pieces)
    }

    private mutating func quantified(_ atom: Node) throws(IRegexpError) -> Node {
        switch peek() {
        case "*": position += 1; return .repetition(atom, min: 0, max: nil)
        case "+": position += 1; return .repetition(atom, min: 1, max: nil)
        case "?": position += 1; return .repetition(atom, min: 0, max: 1)
        case "{":
            position += 1
            let low = try quantity()
            var high: Int? = low
            if peek() == "," {
                position += 1
                high = peek() == "}" ? nil : try quantity()
            }
            guard peek() == "}" else { throw error("expected '}'") }
            position += 1
            if let high, high < low { throw error("quantifier maximum below its minimum") }
            return .repetition(atom, min: low, max: high)
        default:
            return atom
        }
    }

    /// `QuantExact = 1*%x30-39`, saturating (the program size limit refuses large ones).
    private mutating func quantity() throws(IRegexpError) -> Int {
        var value = 0
        let start = position
        while let next = peek(), ("0"..."9").contains(next) {
            value = min(value * 10 + Int(next.value - 0x30), IRegexp.maximumProgramSize + 1)
            position += 1
        }
        guard position > start else { throw error("expected a digit") }
        return value
    }

    /// `atom = NormalChar / charClass / ( "(" i-regexp ")" )`
    private mutating func atom() throws(IRegexpError) -> Node {
        guard let scalar = peek() else { throw error("unexpected end") }
        position += 1
        switch scalar {
        case "(":
            depth += 1
            guard depth <= IRegexp.maximumNesting else { throw error("groups nested too deeply") }
            let inner = try alternation()
            guard peek() == ")" else { throw error("expected ')'") }
            position += 1
            depth -= 1
            return inner
        case ".":
            return .set(.dot)
        case "^":
            return .assertStart
        case "$":
            return .assertEnd
        case "[":
            return .set(try characterClass())
        case "\\":
            return try escape()
        case "*", "+", "?", "{", "}", "]", ")", "|":
            throw error("unexpected '\(scalar)'")
        default:
            if (0xD800...0xDFFF).contains(scalar.value) { throw error("surrogate code point") }
            return .scalar(scalar)
        }
    }

    /// After `\`: a `SingleCharEsc` or a `\p{…}` / `\P{…}` category.
    private mutating func escape() throws(IRegexpError) -> Node {
        if let set = try categoryEscape() { return .set(set) }
        return .scalar(try singleCharacterEscape())
    }

    /// `SingleCharEsc` after the backslash.
    mutating func singleCharacterEscape() throws(IRegexpError) -> Unicode.Scalar {
        guard let scalar = peek() else { throw error("unexpected end after '\\'") }
        position += 1
        switch scalar {
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "(", ")", "*", "+", "-", ".", "?", "[", "\\", "]", "^", "{", "|", "}": return scalar
        default: throw error("unsupported escape '\\\(scalar)'")
        }
    }

    /// `\p{IsCategory}` or `\P{IsCategory}` after the backslash, or nil for another escape.
    mutating func categoryEscape() throws(IRegexpError) -> IRegexpCharacterSet? {
        guard let letter = peek(), letter == "p" || letter == "P" else { return nil }
        position += 1
        guard peek() == "{" else { throw error("expected '{'") }
        position += 1
        var name = ""
        while let next = peek(), next != "}" {
            name.unicodeScalars.append(next)
            position += 1
        }
        guard peek() == "}", let members = IRegexpCharacterSet.categories(named: name) else {
            throw error("unknown category '\(name)'")
        }
        position += 1
        return IRegexpCharacterSet(categories: [.init(members: members, isNegated: letter == "P")])
    }

    // MARK: - Helpers

    func peek(offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    mutating func advance() { position += 1 }

    func error(_ message: String) -> IRegexpError {
        IRegexpError(position: position, message: message)
    }

    // MARK: - Code generation (Thompson construction)

    private mutating func emit(_ node: Node) throws(IRegexpError) {
        switch node {
        case .scalar(let scalar): try append(.scalar(scalar))
        case .set(let set): try append(.set(set))
        case .assertStart: try append(.assertStart)
        case .assertEnd: try append(.assertEnd)
        case .sequence(let nodes): for node in nodes { try emit(node) }
        case .alternation(let branches):
            var exits: [Int] = []
            for branch in branches.dropLast() {
                let split = try append(.split(0, 0))
                try emit(branch)
                exits.append(try append(.jump(0)))
                program[split] = .split(split + 1, program.count)
            }
            if let last = branches.last { try emit(last) }
            for exit in exits { program[exit] = .jump(program.count) }
        case .repetition(let body, let low, let high):
            for _ in 0..<low { try emit(body) }
            if let high {
                for _ in low..<high {
                    let split = try append(.split(0, 0))
                    try emit(body)
                    program[split] = .split(split + 1, program.count)
                }
            } else {
                let split = try append(.split(0, 0))
                try emit(body)
                try append(.jump(split))
                program[split] = .split(split + 1, program.count)
            }
        }
    }

    @discardableResult
    private mutating func append(_ instruction: IRegexp.Instruction) throws(IRegexpError) -> Int {
        guard program.count < IRegexp.maximumProgramSize else {
            throw IRegexpError(position: 0, message: "pattern too large")
        }
        program.append(instruction)
        return program.count - 1
    }
}
